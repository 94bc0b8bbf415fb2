package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.ova.media.TestClips;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.server.OvaServer;
import org.ova.server.ServedLibrary;

/**
 * Edits from the pages in Chromium under {@code ova serve}: two cards selected on the library page
 * get a tag, written into both metadata files and shown on the re-rendered pages after the reload;
 * "Add marker here" saves the marker into the video's file. From {@code file://} no bulk control
 * shows and no console error is logged.
 */
@Tag("browser")
class LiveEditBrowserTest {

    @TempDir
    static Path library;

    private static Library loaded;
    private static OvaServer server;
    private static Browser browser;

    @BeforeAll
    static void serve() {
        TestClips clips = TestClips.withLocatedFfmpeg();
        List<String> names = List.of("harbour.mp4", "market.mp4", "garden.mp4");
        for (int i = 0; i < names.size(); i++) {
            clips.clip(library.resolve(names.get(i)), TestClips.Spec.of(1, 64 + 16 * i, 36 + 8 * i));
        }
        ServedLibrary.build(library);
        loaded = ServedLibrary.load(library);
        server = ServedLibrary.start(loaded, ServedLibrary.options("127.0.0.1", false, 1), Optional.empty());
        browser = Browser.shared();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String yamlOf(String id) throws Exception {
        LibraryVideo video = loaded.videos().stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow();
        Path file = new LibraryLayout(library).metadataFile(video.path());
        return Files.isRegularFile(file) ? Files.readString(file) : "";
    }

    private static List<WebElement> cards() {
        return browser.driver().findElements(By.cssSelector("main .cards > li > a.card"));
    }

    /** Opens {@code on}'s library page and presses Select, once the page found the server. */
    private static void startSelecting(OvaServer on) {
        browser.open(on.url("127.0.0.1"));
        browser.awaitPresent("the Select button", ".bulk-toggle");
        browser.driver().findElement(By.cssSelector(".bulk-toggle")).click();
    }

    @Test
    void twoSelectedCardsGetATagInTheirFilesAndOnTheReRenderedPages() throws Exception {
        startSelecting(server);
        String first = cards().get(0).getAttribute("data-id");
        String second = cards().get(2).getAttribute("data-id");
        cards().get(0).click();
        browser.driver().findElements(By.cssSelector(".bulk-check")).get(2).click();
        assertEquals(
                "2 selected",
                browser.driver().findElement(By.cssSelector(".bulk-count")).getText());
        assertTrue(browser.driver().getCurrentUrl().endsWith("/index.html"), "a click in Select mode stays");
        browser.driver()
                .findElement(By.cssSelector(".bulk-tools input[name=addTag]"))
                .sendKeys("Harbour walk");
        browser.screenshot("bulk-edit-selecting");
        browser.js("window.beforeApply = true;");
        browser.driver().findElement(By.cssSelector(".bulk-apply")).click();
        browser.await("the reload after Apply", () -> browser.js("return window.beforeApply") == null);
        browser.await(() -> "complete".equals(browser.js("return document.readyState")));

        assertTrue(yamlOf(first).contains("tags: [Harbour walk]"), yamlOf(first));
        assertTrue(yamlOf(second).contains("tags: [Harbour walk]"), yamlOf(second));
        String tagPage = Files.readString(library.resolve(".ova-repo/site/tag/harbour-walk.html"));
        assertTrue(tagPage.contains("data-id=\"" + first + "\"") && tagPage.contains("data-id=\"" + second + "\""));
        List<String> tagged = cards().stream()
                .filter(card -> card.getText().contains("Harbour walk"))
                .map(card -> card.getAttribute("data-id"))
                .toList();
        assertEquals(List.of(first, second), tagged, "the reloaded page shows the tag on both cards");
        assertFalse(browser.driver()
                .findElement(By.cssSelector(".bulk-toggle"))
                .getAttribute("aria-pressed")
                .equals("true"));
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @Test
    void onANetworkAddressTheLoginLinkHandsTheBrowserTheTokenItsWritesNeed() throws Exception {
        OvaServer shared =
                ServedLibrary.start(loaded, ServedLibrary.options("0.0.0.0", false, 1), Optional.of("s3cret-token"));
        try {
            browser.open(shared.url("127.0.0.1") + "#ova-token=s3cret-token");
            browser.await(
                    "the token out of the address",
                    () -> !browser.driver().getCurrentUrl().contains("#"));
            assertTrue(String.valueOf(browser.js("return localStorage.getItem('ova:server-token')"))
                    .contains("s3cret-token"));

            startSelecting(shared);
            String id = cards().get(1).getAttribute("data-id");
            cards().get(1).click();
            new Select(browser.driver().findElement(By.cssSelector(".bulk-tools select[name=rating]")))
                    .selectByValue("3");
            browser.driver().findElement(By.cssSelector(".bulk-apply")).click();
            browser.await("the rating in the file", () -> {
                try {
                    return yamlOf(id).contains("rating: 3");
                } catch (Exception e) {
                    return false;
                }
            });
            assertEquals(List.of(), browser.consoleErrors(), "console errors");
        } finally {
            // before the server stops: without it the page may already be the browser's error page
            browser.js("localStorage.removeItem('ova:server-token')");
            shared.close();
        }
    }

    @Test
    void addMarkerHereSavesTheMarkerIntoTheVideosFile() throws Exception {
        browser.open(server.url("127.0.0.1"));
        WebElement card = cards().get(1);
        String id = card.getAttribute("data-id");
        browser.open(card.getAttribute("href"));
        browser.awaitPresent("the player's Add marker button", ".add-marker");
        browser.driver().findElement(By.cssSelector(".add-marker")).click();
        browser.await("the marker in the metadata file", () -> {
            try {
                return yamlOf(id).contains("Marker 0:00");
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(yamlOf(id).contains("markers:\n  - at: 0:00\n    label: \"Marker 0:00\"\n"), yamlOf(id));
        assertFalse(
                browser.driver().findElement(By.cssSelector(".marker-snippet")).isDisplayed(),
                "saved on the server, not kept in this browser only");
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @Test
    void fromFileNoBulkControlShowsAndNothingFails() {
        browser.open(library.resolve(".ova-repo/site/index.html").toUri().toString());
        browser.await("the cards", () -> !cards().isEmpty());
        assertTrue(browser.driver()
                .findElements(By.cssSelector(".bulk-bar, .bulk-check"))
                .isEmpty());
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }
}
