package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

@Tag("browser")
class BrowserSmokeTest {

    @TempDir
    Path dir;

    @Test
    void headlessChromiumRunsScriptsOnFilePagesAndReportsConsoleErrors() throws IOException {
        Path page = dir.resolve("page.html");
        Files.writeString(
                page,
                "<!doctype html><title>t</title><p id=p></p>"
                        + "<script>document.getElementById('p').textContent = 'ran'; console.error('on purpose');</script>");
        try (Browser browser = Browser.start()) {
            browser.driver().get(page.toUri().toString());
            assertEquals("ran", browser.driver().findElement(By.id("p")).getText());
            assertTrue(
                    browser.consoleErrors().stream().anyMatch(m -> m.contains("on purpose")),
                    "console errors are visible to the tests");
        }
    }
}
