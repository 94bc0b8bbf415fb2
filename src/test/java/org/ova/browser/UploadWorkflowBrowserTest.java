package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ova.cli.ServeFixture;
import org.ova.media.TestClips;
import org.ova.server.ServedLibrary;

/**
 * The Upload page's three steps in Chromium against a real {@code ova serve}: a clip picked from the
 * disk is uploaded with a title and tags (its progress bar reaching 100%), processed, given VTTs and two
 * chapters, reviewed in the player and published onto the library page; another upload is cancelled
 * and its file is gone.
 */
class UploadWorkflowBrowserTest {

    @TempDir
    static Path library;

    @TempDir
    static Path picked;

    private static ServeFixture served;
    private static Browser browser;

    @BeforeAll
    static void serveALibraryWithAFolder() throws IOException, InterruptedException {
        TestClips clips = TestClips.withLocatedFfmpeg();
        Files.createDirectories(library.resolve("Trips"));
        clips.clip(library.resolve("Trips/old.mp4"), TestClips.Spec.of(1, 64, 36));
        ServedLibrary.build(library);
        clips.clip(
                picked.resolve("Beach day.mp4"), TestClips.Spec.of(3, 160, 90).withAudio());
        clips.clip(picked.resolve("Mistake.mp4"), TestClips.Spec.of(2, 64, 36));
        Files.writeString(picked.resolve("notes.txt"), "not a video");
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

    private static List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Waits up to a minute: processing on a busy machine takes longer than the page waits of {@link Browser}. */
    private static void awaitLong(String what, BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .pollingEvery(Duration.ofMillis(100))
                .withMessage(what)
                .until(d -> condition.getAsBoolean());
    }

    /** Picks {@code file} in step 1, sends it and returns the draft's id, once the page moved on to step 2. */
    private static String upload(Path file) {
        browser.open(served.page("upload.html"));
        assertTrue(
                find(".upload-app").isDisplayed(),
                "uploads are on: " + browser.js("return JSON.stringify(OVA_SERVER)"));
        find("#upload-files").sendKeys(file.toString());
        find(".upload-start").click();
        awaitLong(
                "the upload's draft at step 2",
                () -> String.valueOf(browser.js("return location.hash")).startsWith("#id="));
        return String.valueOf(browser.js("return new URLSearchParams(location.hash.slice(1)).get('id')"));
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void aPickedClipIsUploadedGivenVttsAndTwoChaptersReviewedAndPublished() {
        browser.open(served.page("upload.html"));
        new Select(find("select[name=folder]")).selectByValue("Trips");
        find("#upload-files").sendKeys(picked.resolve("Beach day.mp4").toString());
        type(find(".upload-item .item-title"), "A day at the beach");
        type(find("input[name=tags]"), "beach, family");
        find(".upload-start").click();
        awaitLong(
                "the upload done",
                () -> !browser.driver()
                        .findElements(By.cssSelector(".upload-item.done"))
                        .isEmpty());
        assertEquals("100", find(".upload-item progress").getAttribute("value"));
        browser.screenshot("upload-step1-sent");
        awaitLong("step 2", () -> find(".draft-work").isDisplayed());
        assertTrue(Files.isRegularFile(library.resolve("Trips/Beach day.mp4")), "placed into the folder chosen");

        awaitLong("processed", () -> find(".job-state").getText().startsWith("Processed"));
        assertTrue(find(".make-vtts").isDisplayed() && find(".make-vtts").isEnabled(), "server.batchVtt is on");
        find(".make-vtts").click();
        awaitLong("VTTs made", () -> find(".job-state").getText().equals("VTTs generated."));

        find(".add-row").click();
        type(find(".timed-row:nth-child(1) .row-text"), "Arrival");
        find(".add-row").click();
        type(find(".timed-row:nth-child(2) .row-time"), "0:02");
        type(find(".timed-row:nth-child(2) .row-text"), "Swimming");
        find(".chapter-editor .save").click();
        browser.await(
                "saved", () -> find(".chapter-editor .edit-status").getText().equals("Saved."));
        browser.screenshot("upload-step2-chapters");

        find(".next-step").click();
        browser.await("the review", () -> find(".draft-step[data-step=review]").isDisplayed());
        assertEquals(List.of("0:00 Arrival", "0:02 Swimming"), texts(".review-chapters li"));
        browser.await(
                "the player with its poster and scrub thumbnails",
                () -> !browser.driver()
                        .findElements(By.cssSelector(".draft-player .plyr__preview-thumb"))
                        .isEmpty());
        assertFalse(find("#upload-player").getAttribute("poster").isEmpty());
        browser.screenshot("upload-step3-review");
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.screenshot("upload-step3-review-390px");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }

        find(".publish").click();
        awaitLong(
                "published",
                () -> !browser.driver()
                        .findElements(By.cssSelector(".published-link"))
                        .isEmpty());
        find(".published-link").click();
        browser.await("the video's page", () -> "video".equals(browser.js("return document.body.dataset.page")));
        assertEquals("A day at the beach", find(".video-title").getText());
        assertEquals(List.of("beach", "family"), texts(".tag-list .tag"));
        assertEquals(List.of("0:00 Arrival", "0:02 Swimming"), texts(".chapters > li"));
        browser.open(served.page("index.html"));
        assertTrue(
                texts(".cards .card .title").contains("A day at the beach"),
                texts(".cards .card .title").toString());
    }

    @Test
    void aCancelledUploadLeavesNothingBehind() {
        String id = upload(picked.resolve("Mistake.mp4"));
        assertTrue(Files.isRegularFile(library.resolve("Mistake.mp4")));

        find(".step-nav [data-step-link=review]").click();
        browser.await("the review", () -> find(".cancel-draft").isDisplayed());
        find(".cancel-draft").click();
        browser.driver().switchTo().alert().accept();

        browser.await("back at step 1", () -> find(".upload-summary").getText().startsWith("Cancelled the upload"));
        assertFalse(Files.exists(library.resolve("Mistake.mp4")), "the file is deleted");
        Object drafts = browser.driver()
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "OVA_SERVER.api('GET', '/api/uploads').then((a) => done(JSON.stringify(a.data.drafts.map((d) => d.id))));");
        assertFalse(String.valueOf(drafts).contains(id), String.valueOf(drafts));
    }

    @Test
    void aFileOfAnotherKindIsRefusedBeforeAnythingIsSent() {
        browser.open(served.page("upload.html"));
        find("#upload-files").sendKeys(picked.resolve("notes.txt").toString());

        assertTrue(
                find(".upload-item.failed .item-status").getText().startsWith("Not a video this library takes: only "));
        assertFalse(find(".upload-start").isEnabled(), "nothing to send");
        assertFalse(Files.exists(library.resolve("notes.txt")));
    }
}
