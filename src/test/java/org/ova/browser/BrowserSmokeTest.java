package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;

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
        Browser browser = Browser.shared();
        browser.driver().get(page.toUri().toString());
        assertEquals("ran", browser.driver().findElement(By.id("p")).getText());
        assertTrue(
                browser.consoleErrors().stream().anyMatch(m -> m.contains("on purpose")),
                "console errors are visible to the tests");
    }

    @Test
    void theSharedBrowserComesToTheNextClassWithOneFreshTabAndNothingStored() throws IOException {
        Path page = dir.resolve("store.html");
        Files.writeString(page, "<!doctype html><title>s</title>");
        Browser browser = Browser.shared();
        browser.open(page.toUri().toString());
        browser.js("localStorage.setItem('seen', 'yes'); sessionStorage.setItem('seen', 'yes'); console.error('old');");
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.driver().manage().window().setSize(new Dimension(390, 844));

        Browser next = Browser.shared();
        assertEquals(1, next.driver().getWindowHandles().size(), "one tab");
        assertEquals(new Dimension(1280, 900), next.driver().manage().window().getSize());
        assertEquals(List.of(), next.consoleErrors());
        next.open(page.toUri().toString());
        assertNull(next.js("return localStorage.getItem('seen')"), "localStorage");
        assertNull(next.js("return sessionStorage.getItem('seen')"), "sessionStorage");
    }
}
