package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.ova.cli.ServeFixture;
import org.ova.media.TestClips;
import org.ova.server.ServedLibrary;

/**
 * The Upload and Processing pages in Chromium: from {@code file://} they only say that they need
 * {@code ova serve}, with their header links hidden; served, the links appear and the Processing page
 * lists the jobs of the videos {@code ova serve} processes, with their live log.
 */
class ServedPagesBrowserTest {

    @TempDir
    static Path library;

    private static ServeFixture served;
    private static Browser browser;

    @BeforeAll
    static void buildThenAddAClipAndServe() throws InterruptedException {
        TestClips clips = TestClips.withLocatedFfmpeg();
        clips.clip(library.resolve("built.mp4"), TestClips.Spec.of(1, 64, 36));
        ServedLibrary.build(library);
        // added after the build: ova serve processes it in the background
        clips.clip(library.resolve("arrived.mp4"), TestClips.Spec.of(1.5, 64, 36));
        served = ServeFixture.start(library);
        browser = Browser.shared();
    }

    @AfterAll
    static void stop() throws Exception {
        served.close();
    }

    private static WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private static String fileUrl(String sitePath) {
        return library.resolve(".ova-repo/site").resolve(sitePath).toUri().toString();
    }

    @Test
    void fromFileBothPagesSayTheyNeedOvaServeAndTheirLinksStayHidden() {
        browser.consoleErrors(); // the other test's
        browser.open(fileUrl("upload.html"));
        assertTrue(find("[data-needs-server]").isDisplayed());
        assertTrue(find("[data-needs-server]").getText().contains("served with ova serve"));
        assertFalse(find(".upload-app").isDisplayed());
        assertFalse(find(".site-nav a[data-served=upload]").isDisplayed());
        assertFalse(find(".site-nav a[data-served='']").isDisplayed());

        browser.open(fileUrl("processing.html"));
        assertTrue(find("[data-needs-server]").isDisplayed());
        assertFalse(find(".processing-app").isDisplayed());
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @Test
    void servedTheLinksAppearAndTheProcessingPageListsTheJobWithItsLog() {
        browser.open(served.page("index.html"));
        browser.await(
                "the Processing link", () -> find(".site-nav a[data-served='']").isDisplayed());
        assertTrue(find(".site-nav a[data-served=upload]").isDisplayed(), "server.uploads is on by default");

        find(".site-nav a[data-served='']").click();
        browser.await(
                "the Processing page", () -> "processing".equals(browser.js("return document.body.dataset.page")));
        assertFalse(find("[data-needs-server]").isDisplayed());
        browser.await(
                "the job of arrived.mp4, done",
                () -> browser.driver().findElements(By.cssSelector(".job-group[data-state=done] .job")).stream()
                        .anyMatch(job -> job.getText().contains("arrived.mp4")));
        WebElement job = find(".job-group[data-state=done] .job");
        assertTrue(find(".job-group[data-state=done]").isDisplayed());
        assertFalse(find(".job-group[data-state=failed]").isDisplayed(), "no failed jobs, no Failed group");
        job.findElement(By.cssSelector(".job-log summary")).click();
        String log = job.findElement(By.cssSelector(".job-log pre")).getText();
        assertTrue(log.startsWith("--- Processing video: arrived.mp4 ---"), log);
        assertTrue(log.endsWith("[SUCCESS] Video 'arrived.mp4' successfully added to storage."), log);
        assertFalse(job.findElement(By.cssSelector(".retry")).isDisplayed(), "nothing to retry");
        browser.screenshot("processing-page");
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.screenshot("processing-page-390px");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
