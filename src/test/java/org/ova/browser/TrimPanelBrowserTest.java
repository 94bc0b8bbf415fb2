package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.ova.media.TestClips;
import org.ova.server.OvaServer;
import org.ova.server.ServedLibrary;

/**
 * The video page's Trim panel in Chromium: over http from {@code ova serve}'s server it offers the
 * download, cut as picked (a chapter, a marker); from {@code file://} the download stays hidden and the panel shows the ffmpeg command, and
 * neither logs a console error.
 */
class TrimPanelBrowserTest {

    @TempDir
    static Path library;

    private static OvaServer server;
    private static Browser browser;
    private static String videoPage;

    @BeforeAll
    static void serve() throws IOException {
        TestClips.withLocatedFfmpeg()
                .clip(library.resolve("talk.mp4"), TestClips.Spec.of(4, 160, 90).withAudio());
        Files.createDirectories(library.resolve(".ova-repo/metadata"));
        Files.writeString(
                library.resolve(".ova-repo/metadata/talk.mp4.yaml"),
                "title: Talk\nchapters:\n  - at: 0\n    title: Intro\n  - at: 1.6\n    title: Main part\n"
                        + "  - at: 3.2\n    title: Questions\nmarkers:\n  - at: 2.8\n    label: Applause\n");
        ServedLibrary.build(library);
        server = ServedLibrary.start(
                ServedLibrary.load(library), ServedLibrary.options("127.0.0.1", true, 1), Optional.empty());
        browser = Browser.shared();
        browser.open(server.url("127.0.0.1"));
        videoPage = browser.driver()
                .findElement(By.cssSelector(".cards .card"))
                .getAttribute("href")
                .substring(("http://127.0.0.1:" + server.port() + "/").length());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void overHttpTheTrimPanelOffersTheDownload() {
        browser.open("http://127.0.0.1:" + server.port() + "/" + videoPage);
        browser.awaitPresent("the trim download link", "#ova-trim a.trim-download");
        String href = browser.driver()
                .findElement(By.cssSelector("#ova-trim a.trim-download"))
                .getAttribute("href");
        assertTrue(href.contains("/api/videos/") && href.contains("/trim?start=0&end=4"), href);
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @Test
    void aChapterOrAMarkerPickedInThePanelIsWhatTheDownloadCuts() throws Exception {
        browser.open("http://127.0.0.1:" + server.port() + "/" + videoPage);
        browser.awaitPresent("the trim panel", "#ova-trim select[name=from]");
        browser.js("document.getElementById('ova-trim').open = true;");
        Select from = new Select(browser.driver().findElement(By.cssSelector("#ova-trim select[name=from]")));
        Select mode = new Select(browser.driver().findElement(By.cssSelector("#ova-trim select[name=mode]")));
        mode.selectByValue("exact");

        from.selectByVisibleText("Chapter: Main part");
        assertEquals(1.6, cutSeconds(), 0.04 + 0.001, "the chapter, from its start to the next chapter's");

        from.selectByVisibleText("Marker: Applause");
        assertEquals(0.4, cutSeconds(), 0.04 + 0.001, "from the marker to the end chosen before");
    }

    /** Downloads what the panel's link names and measures its video (the audio ends on an AAC frame). */
    private double cutSeconds() throws Exception {
        String href = browser.driver()
                .findElement(By.cssSelector("#ova-trim a.trim-download"))
                .getAttribute("href");
        HttpResponse<byte[]> cut = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, cut.statusCode(), href);
        Path file = library.resolve("cut.mp4");
        Files.write(file, cut.body());
        return TestClips.videoSeconds(file);
    }

    @Test
    void fromFileTheDownloadIsHiddenAndTheFfmpegCommandShown() {
        browser.open(library.resolve(videoPage).toUri().toString());
        browser.awaitPresent("the trim panel", "#ova-trim");
        assertTrue(
                browser.driver().findElements(By.cssSelector("a.trim-download")).isEmpty());
        String command = browser.driver()
                .findElement(By.cssSelector("#ova-trim .trim-command pre"))
                .getAttribute("textContent");
        assertTrue(command.startsWith("ffmpeg -ss 0.000 -i talk.mp4 -t 4.000"), command);
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }
}
