package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.ova.media.TestClips;
import org.ova.server.OvaServer;
import org.ova.server.ServedLibrary;

/**
 * The video page's Edit form in Chromium against {@code ova serve}'s real edit API: a save lands in
 * the YAML file (keeping the person's comment) and on the re-rendered page, a change made behind the
 * form's back is a conflict that keeps the viewer's input, problems show beside their fields, and
 * from {@code file://} the form is absent without a console error.
 */
class EditFormBrowserTest {

    @TempDir
    static Path library;

    private static OvaServer server;
    private static Browser browser;

    @BeforeAll
    static void serve() throws IOException {
        TestClips clips = TestClips.withLocatedFfmpeg();
        clips.clip(library.resolve("talk.mp4"), TestClips.Spec.of(4, 160, 90).withAudio());
        // other lengths: identical files would be one video, listed once
        clips.clip(library.resolve("walk.mp4"), TestClips.Spec.of(3, 160, 90));
        clips.clip(library.resolve("swim.mp4"), TestClips.Spec.of(5, 160, 90));
        writeMetadata("talk.mp4", """
                # my notes: ova must keep this comment
                title: Talk
                tags: [family]
                """);
        writeMetadata("walk.mp4", "title: Walk\ntags: [outdoors]\n");
        writeMetadata("swim.mp4", "title: Swim\n");
        ServedLibrary.build(library);
        server = ServedLibrary.start(
                ServedLibrary.load(library), ServedLibrary.options("127.0.0.1", false, 1), Optional.empty());
        browser = Browser.shared();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void savesATagAChapterAtThePlayersTimeAndAMarkerAddedByItsKeyIntoTheYamlKeepingItsComment() throws IOException {
        openEditForm("Talk");
        browser.await(
                "the library's tags suggested in the tag input",
                () -> (Boolean) browser.js("return Array.from(document.querySelectorAll('#ova-edit datalist option'))"
                        + ".some(o => o.value === 'outdoors')"));
        seekTo(2.5);
        browser.driver()
                .findElement(By.cssSelector("#ova-edit [data-field=tags] input[type=text]"))
                .sendKeys("  Picnic " + Keys.ENTER);
        click("#ova-edit [data-field=chapters] .add-row");
        // the new row's title is selected: typing replaces it
        browser.driver().switchTo().activeElement().sendKeys("Lunch");
        browser.js("document.activeElement.blur()");
        new Actions(browser.driver()).sendKeys("b").perform();
        browser.await(
                "the marker added with B, saved and shown in the open form",
                () -> textsOf("#ova-edit [data-field=markers] .row-text").contains("Marker 0:02"));
        assertTrue(yaml("talk.mp4").contains("label: \"Marker 0:02\""), yaml("talk.mp4"));

        click("#ova-edit .save");
        browser.awaitPresent("the page reloaded after the save", "#ova-edit .edit-saved");

        String saved = yaml("talk.mp4");
        assertTrue(saved.startsWith("# my notes: ova must keep this comment\n"), saved);
        assertTrue(saved.contains("Picnic"), saved);
        assertTrue(saved.contains("at: 0:02.500") && saved.contains("title: Lunch"), saved);
        assertEquals(List.of("family", "Picnic"), textsOf(".tag-list .tag"));
        assertEquals(List.of("0:02 Lunch"), textsOf(".chapters li"));
        assertEquals(List.of("0:02 Marker 0:02"), textsOf(".markers li"));
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @Test
    void aChangeMadeBehindTheFormsBackIsAConflictThatKeepsTheViewersInputAndSavesOnTheSecondTry() throws IOException {
        openEditForm("Walk");
        WebElement title = browser.driver().findElement(By.cssSelector("#ova-edit [data-field=title] input"));
        title.clear();
        title.sendKeys("Walk by the river");
        Files.writeString(
                metadataFile("walk.mp4"),
                "title: Walk in the rain\ntags: [outdoors]\nrating: 4\n",
                StandardCharsets.UTF_8);

        click("#ova-edit .save");
        browser.awaitPresent("the conflict message", "#ova-edit .edit-status.conflict");
        assertTrue(text("#ova-edit .edit-status").contains("changed elsewhere"), text("#ova-edit .edit-status"));
        assertEquals("Walk by the river", title.getAttribute("value"), "the viewer's input stays");
        assertTrue(text("#ova-edit [data-field=title] .edit-theirs").contains("Walk in the rain"));
        assertEquals(
                4L,
                browser.js("return document.querySelectorAll('#ova-edit .star-rating label.on').length"),
                "a field only the other side changed shows its new value");

        click("#ova-edit .save");
        browser.awaitPresent("the page reloaded after the second save", "#ova-edit .edit-saved");
        assertEquals("Walk by the river", text(".video-title"));
        assertTrue(yaml("walk.mp4").contains("title: Walk by the river"), yaml("walk.mp4"));
        assertTrue(yaml("walk.mp4").contains("rating: 4"), yaml("walk.mp4"));
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.stream().allMatch(e -> e.contains("409")), "only the refused save is logged: " + errors);
    }

    @Test
    void theServersProblemsShowBesideTheirFieldsAndLeavingWithUnsavedChangesAsksFirst() {
        openEditForm("Swim");
        click("#ova-edit [data-field=chapters] .add-row");
        WebElement time = browser.driver().findElement(By.cssSelector("#ova-edit [data-field='chapters[0].at']"));
        time.clear();
        time.sendKeys("0:09");
        click("#ova-edit .save");
        browser.awaitPresent(
                "the problem beside the chapter's row", "#ova-edit [data-field='chapters[0]'] .field-problem");
        assertTrue(
                text("#ova-edit [data-field='chapters[0]'] .field-problem").contains("after the end of the video"),
                text("#ova-edit [data-field='chapters[0]'] .field-problem"));
        assertEquals("true", time.getAttribute("aria-invalid"));

        assertEquals(true, leavingIsQuestioned(), "unsaved changes: the browser asks before leaving");
        click("#ova-edit .revert");
        assertEquals(List.of(), textsOf("#ova-edit [data-field=chapters] .row-text"));
        assertEquals(false, leavingIsQuestioned(), "nothing unsaved after Undo changes");
    }

    @Test
    void onAPhoneWideWindowTheFormFitsTheScreen() {
        browser.driver()
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            openEditForm("Swim");
            click("#ova-edit [data-field=markers] .add-row");
            browser.js("document.getElementById('ova-edit').scrollIntoView()");
            browser.screenshot("edit-form-390px");
            assertEquals(390L, browser.js("return document.documentElement.clientWidth"));
            assertEquals(
                    List.of(),
                    browser.js("return Array.from(document.querySelectorAll('#ova-edit input, #ova-edit button,"
                            + " #ova-edit select, #ova-edit textarea'))"
                            + ".filter(e => e.getBoundingClientRect().width > 0 && e.type !== 'radio')"
                            + ".filter(e => e.getBoundingClientRect().left < 0 || e.getBoundingClientRect().right > 390)"
                            + ".map(e => e.outerHTML)"),
                    "controls outside the screen");
            click("#ova-edit .revert");
        } finally {
            browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void fromFileThereIsNoEditButtonAndBKeepsTheMarkerInTheBrowserWithoutAConsoleError() {
        String page = library.resolve(pagePath("Talk")).toUri().toString();
        browser.consoleErrors(); // only this page's count
        browser.open(page);
        browser.awaitPresent("the player's scripts", ".keys-button");
        assertTrue(browser.driver().findElements(By.cssSelector("#ova-edit")).isEmpty());
        new Actions(browser.driver()).sendKeys("b").perform();
        browser.await(
                "B keeps a marker in this browser and shows its YAML",
                () -> text(".marker-snippet pre").contains("Marker 0:00"));
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    // ---------------------------------------------------------------- helpers

    private static void writeMetadata(String video, String yaml) throws IOException {
        Path file = metadataFile(video);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
    }

    private static Path metadataFile(String video) {
        return library.resolve(".ova-repo/metadata/" + video + ".yaml");
    }

    private static String yaml(String video) throws IOException {
        return Files.readString(metadataFile(video), StandardCharsets.UTF_8);
    }

    /** The video page of the video titled {@code title}, relative to the library (and the server's root). */
    private static String pagePath(String title) {
        browser.open("http://127.0.0.1:" + server.port() + "/.ova-repo/site/index.html");
        String href = browser.driver().findElements(By.cssSelector(".cards a.card")).stream()
                .filter(card ->
                        card.findElement(By.cssSelector(".title")).getText().equals(title))
                .findFirst()
                .orElseThrow()
                .getAttribute("href");
        return href.substring(("http://127.0.0.1:" + server.port() + "/").length());
    }

    private static void openEditForm(String title) {
        browser.open("http://127.0.0.1:" + server.port() + "/" + pagePath(title));
        browser.awaitPresent("the Edit button", "#ova-edit > summary");
        click("#ova-edit > summary");
        browser.await(
                "the form loaded",
                () -> Boolean.FALSE.equals(
                        browser.js("return document.querySelector('#ova-edit .edit-fields').disabled")));
    }

    private static void seekTo(double seconds) {
        browser.await("the player's metadata", () ->
                (Boolean) browser.js("return document.getElementById('ova-player').readyState >= 1"));
        browser.js("document.getElementById('ova-player').currentTime = arguments[0]", seconds);
        browser.await("the seek", () -> (Boolean) browser.js(
                "const v = document.getElementById('ova-player');"
                        + " return !v.seeking && Math.abs(v.currentTime - arguments[0]) < 0.01",
                seconds));
    }

    /** Whether the page asks the browser to confirm leaving (its beforeunload handler cancels the event). */
    private static Object leavingIsQuestioned() {
        return browser.js("const e = new Event('beforeunload', {cancelable: true});"
                + " window.dispatchEvent(e); return e.defaultPrevented");
    }

    private static void click(String css) {
        browser.driver().findElement(By.cssSelector(css)).click();
    }

    private static String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static List<String> textsOf(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream()
                .map(e -> e.getTagName().equals("input") ? e.getAttribute("value") : e.getText())
                .toList();
    }
}
