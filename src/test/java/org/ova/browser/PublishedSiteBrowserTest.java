package org.ova.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.ova.cli.Main;
import org.ova.cli.OvaCli;

/**
 * The sample library published with {@code ova publish} into a folder under a sub-path, opened from
 * {@code file://} and over http: its videos play with scrub thumbnails from the published copy alone.
 */
class PublishedSiteBrowserTest extends SampleSiteSession {

    /** Hidden, so the library's own builds skip it; served by the sample's server at /.published/usb/. */
    private static final String PUBLISHED = ".published/usb";

    @Override
    protected SampleSite buildSite() throws IOException {
        SampleSite built = SampleSite.build();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true);
        int code = new OvaCli(out, out, Main.commands())
                .run(
                        "publish",
                        "-q",
                        built.library.toString(),
                        "--to",
                        built.library.resolve(PUBLISHED).toString());
        assertEquals(0, code, log.toString(UTF_8));
        return built;
    }

    private String base(String protocol) {
        Path published = site.library.resolve(PUBLISHED);
        return protocol.equals("http")
                ? site.base("http").replace(".ova-repo/site/", PUBLISHED + "/")
                : published.toUri().toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void aPublishedVideoPlaysWithScrubThumbnails(String protocol) {
        browser.open(base(protocol) + "index.html");
        WebElement card = browser.driver().findElements(By.cssSelector(".card")).stream()
                .filter(each ->
                        each.findElement(By.cssSelector(".title")).getText().equals("Beach day"))
                .findFirst()
                .orElseThrow();
        String page = card.getAttribute("href");
        assertTrue(page.startsWith(base(protocol)), page);
        browser.open(page);
        browser.js("const v = document.getElementById('ova-player'); v.muted = true; v.play();");
        browser.await(
                "the video plays",
                () -> ((Number) browser.js("return document.getElementById('ova-player').currentTime")).doubleValue()
                        > 0.3);
        assertTrue(String.valueOf(browser.js("return document.getElementById('ova-player').currentSrc"))
                .startsWith(base(protocol) + "videos/"));

        WebElement progress = browser.driver().findElement(By.cssSelector(".plyr__progress"));
        int[] offset = {0};
        browser.await("a scrub thumbnail shows", () -> {
            offset[0] = (offset[0] + 17) % (progress.getSize().getWidth() / 3);
            new Actions(browser.driver())
                    .moveToElement(progress, offset[0] - progress.getSize().getWidth() / 6, 0)
                    .perform();
            return Boolean.TRUE.equals(browser.js("const img = document.querySelector("
                    + "'.plyr__preview-thumb--is-shown img'); return !!img && img.complete && img.naturalWidth > 0"));
        });
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }
}
