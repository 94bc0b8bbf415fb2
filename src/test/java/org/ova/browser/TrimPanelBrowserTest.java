package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.ova.media.TestClips;
import org.ova.server.OvaServer;
import org.ova.server.ServedLibrary;

/**
 * The video page's Trim panel in Chromium: over http from {@code ova serve}'s server it offers the
 * download; from {@code file://} the download stays hidden and the panel shows the ffmpeg command, and
 * neither logs a console error.
 */
class TrimPanelBrowserTest {

    @TempDir
    static Path library;

    private static OvaServer server;
    private static Browser browser;
    private static String videoPage;

    @BeforeAll
    static void serve() {
        TestClips.withLocatedFfmpeg()
                .clip(library.resolve("talk.mp4"), TestClips.Spec.of(4, 160, 90).withAudio());
        ServedLibrary.build(library);
        server = ServedLibrary.start(
                ServedLibrary.load(library), ServedLibrary.options("127.0.0.1", true, 1), Optional.empty());
        browser = Browser.start();
        browser.open(server.url("127.0.0.1"));
        videoPage = browser.driver()
                .findElement(By.cssSelector(".cards .card"))
                .getAttribute("href")
                .substring(("http://127.0.0.1:" + server.port() + "/").length());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void overHttpTheTrimPanelOffersTheDownload() {
        browser.open("http://127.0.0.1:" + server.port() + "/" + videoPage);
        browser.await(
                "the trim download link",
                () -> !browser.driver()
                        .findElements(By.cssSelector("#ova-trim a.trim-download"))
                        .isEmpty());
        String href = browser.driver()
                .findElement(By.cssSelector("#ova-trim a.trim-download"))
                .getAttribute("href");
        assertTrue(href.contains("/api/videos/") && href.contains("/trim?start=0&end=4"), href);
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @Test
    void fromFileTheDownloadIsHiddenAndTheFfmpegCommandShown() {
        browser.open(library.resolve(videoPage).toUri().toString());
        browser.await(
                "the trim panel",
                () -> !browser.driver()
                        .findElements(By.cssSelector("#ova-trim"))
                        .isEmpty());
        assertTrue(
                browser.driver().findElements(By.cssSelector("a.trim-download")).isEmpty());
        String command = browser.driver()
                .findElement(By.cssSelector("#ova-trim .trim-command pre"))
                .getAttribute("textContent");
        assertTrue(command.startsWith("ffmpeg -ss 0.000 -i talk.mp4 -t 4.000"), command);
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }
}
