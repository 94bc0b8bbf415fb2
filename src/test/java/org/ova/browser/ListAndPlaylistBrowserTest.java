package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * List behaviours of the built sample site in a real Chromium, from {@code file://} and over http:
 * the tag index sorts by name and by count and keeps the choice in the URL; the playlist player's
 * shuffle plays every video once in a new order, repeat wraps the last video to the first and
 * without it the playlist stops at its end; random never stays on the video on screen.
 */
class ListAndPlaylistBrowserTest extends SampleSiteSession {

    /** The sample's tags by name (as the page compares them: lower case, locale order). */
    private static final List<String> TAGS_BY_NAME = List.of(
            "beach",
            "birthday",
            "café",
            "family",
            "flight",
            "fourier",
            "lake",
            "lecture",
            "math",
            "mountains",
            "nature",
            "signals",
            "summer",
            "vr");
    /** By count, highest first, ties by name. */
    private static final List<String> TAGS_BY_COUNT = List.of(
            "family",
            "lecture",
            "math",
            "mountains",
            "nature",
            "summer",
            "beach",
            "birthday",
            "café",
            "flight",
            "fourier",
            "lake",
            "signals",
            "vr");

    /** Opens a page with this browser's memory of the site (shuffle, repeat, seeds, resume) wiped. */
    private void openFresh(String protocol, String page) {
        browser.open(site.base(protocol) + page);
        browser.js("localStorage.clear(); sessionStorage.clear();");
        browser.open(site.base(protocol) + page);
    }

    private void assertNoConsoleErrors() {
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    // ---------------------------------------------------------------- tag index

    @SuppressWarnings("unchecked")
    private List<String> tagOrder() {
        return (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('.tag-index > li')).map((li) => li.dataset.name)");
    }

    private String pressedTagSort() {
        return (String)
                browser.js("return document.querySelector('[data-sort-tags][aria-pressed=true]').dataset.sortTags");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void tagIndexSortsByCountAndByNameAndKeepsTheChoiceOnReload(String protocol) {
        openFresh(protocol, "tags.html");
        assertEquals(TAGS_BY_NAME, tagOrder(), "by name at first");
        assertEquals("name", pressedTagSort());

        browser.driver().findElement(By.cssSelector("[data-sort-tags='count']")).click();
        assertEquals(TAGS_BY_COUNT, tagOrder());
        assertEquals("count", pressedTagSort());
        assertTrue(
                browser.driver().getCurrentUrl().endsWith("tags.html?sort=count"),
                browser.driver().getCurrentUrl());
        @SuppressWarnings("unchecked")
        List<Long> counts = (List<Long>)
                browser.js(
                        "return Array.from(document.querySelectorAll('.tag-index > li')).map((li) => Number(li.dataset.count))");
        assertEquals(List.of(2L, 2L, 2L, 2L, 2L, 2L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L), counts);

        browser.driver().navigate().refresh();
        browser.await("the reloaded page", () -> "complete".equals(browser.js("return document.readyState")));
        assertEquals(TAGS_BY_COUNT, tagOrder(), "the sort survives a reload");
        assertEquals("count", pressedTagSort());

        browser.driver().findElement(By.cssSelector("[data-sort-tags='name']")).click();
        assertEquals(TAGS_BY_NAME, tagOrder());
        assertEquals("name", pressedTagSort());
        assertTrue(browser.driver().getCurrentUrl().endsWith("tags.html"), "the default leaves the URL plain");
        assertNoConsoleErrors();
    }

    // ---------------------------------------------------------------- playlist player

    @SuppressWarnings("unchecked")
    private List<String> cardIds() {
        return (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('ol.playlist a.card')).map((c) => c.dataset.id)");
    }

    private String pressed(String selector) {
        return browser.driver().findElement(By.cssSelector(selector)).getAttribute("aria-pressed");
    }

    /** Waits for video page {@code index} of the playlist, with its playlist bar, and returns its video id. */
    private String awaitPlaylistVideo(String playlist, int index, int count) {
        browser.await(
                "video " + index + " of " + playlist,
                () -> browser.driver().getCurrentUrl().contains("?list=" + playlist + "&i=" + index));
        browser.await("the playlist bar", () -> {
            List<WebElement> position = browser.driver().findElements(By.cssSelector(".playlist-bar .position"));
            return !position.isEmpty() && position.get(0).getText().equals((index + 1) + " / " + count);
        });
        return (String) browser.js("return document.getElementById('ova-player').dataset.videoId");
    }

    /**
     * Plays the last tenth of a second of this page's video (not the whole clip), noting in the page
     * whether the playlist navigated away when it ended: the navigate listener sees the player's
     * {@code location.href}, and the test's own {@code ended} listener runs after the player's.
     */
    private void playTheEnd() {
        browser.await(
                "the video's metadata",
                () -> ((Number) browser.js("return document.getElementById('ova-player').readyState")).intValue() >= 1);
        browser.js("""
                window.ovaNavigatedTo = null;
                window.ovaEnded = false;
                navigation.addEventListener('navigate', (e) => { window.ovaNavigatedTo = e.destination.url; });
                const v = document.getElementById('ova-player');
                v.addEventListener('ended', () => { window.ovaEnded = true; });
                v.muted = true;
                v.currentTime = v.duration - 0.1;
                v.play();""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void shufflePlaysEveryVideoOnceInANewOrderAndStopsAtTheEnd(String protocol) {
        openFresh(protocol, "playlist/weekend.html");
        List<String> listed = cardIds();
        assertEquals(3, listed.size(), "the weekend playlist: " + listed);
        assertEquals("false", pressed(".playlist-controls .shuffle"), "a manual playlist starts in its own order");

        // Each press of shuffle draws a new order; one in six is the playlist's own, so press until it differs.
        WebElement shuffle = browser.driver().findElement(By.cssSelector(".playlist-controls .shuffle"));
        for (int tries = 0;
                tries < 40 && (cardIds().equals(listed) || !"true".equals(pressed(".playlist-controls .shuffle")));
                tries++) {
            shuffle.click();
        }
        assertEquals("true", pressed(".playlist-controls .shuffle"));
        List<String> shuffled = cardIds();
        assertNotEquals(listed, shuffled, "shuffle changes the order");
        assertEquals(new HashSet<>(listed), new HashSet<>(shuffled), "the same videos");

        browser.driver().findElement(By.cssSelector(".play-all")).click();
        List<String> played = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            played.add(awaitPlaylistVideo("weekend", i, shuffled.size()));
            assertEquals("true", pressed(".playlist-bar .shuffle"));
            playTheEnd(); // the next round waits for the next video
        }
        assertEquals(shuffled, played, "played in the shuffled order");
        assertEquals(listed.size(), new HashSet<>(played).size(), "every video once before any plays again: " + played);

        String last = browser.driver().getCurrentUrl();
        browser.await(
                "the last video to end",
                () -> !browser.driver().getCurrentUrl().equals(last)
                        || Boolean.TRUE.equals(browser.js("return window.ovaEnded")));
        assertEquals(last, browser.driver().getCurrentUrl(), "without repeat the playlist stops at its end");
        assertNull(browser.js("return window.ovaNavigatedTo"), "without repeat the playlist stops at its end");
        assertEquals(
                0L, browser.js("return document.querySelectorAll('.prev-next a.next').length"), "and offers no next");
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void repeatWrapsTheLastVideoToTheFirst(String protocol) {
        openFresh(protocol, "playlist/best-of.html");
        List<String> order = cardIds();
        assertEquals(3, order.size(), "the best-of playlist: " + order);
        assertEquals("false", pressed(".playlist-controls .repeat"));
        browser.driver()
                .findElement(By.cssSelector(".playlist-controls .repeat"))
                .click();
        assertEquals("true", pressed(".playlist-controls .repeat"));
        assertEquals(order, cardIds(), "repeat keeps the order");

        browser.driver()
                .findElements(By.cssSelector("ol.playlist a.card"))
                .get(2)
                .click();
        assertEquals(order.get(2), awaitPlaylistVideo("best-of", 2, 3));
        assertEquals("true", pressed(".playlist-bar .repeat"), "the video page shares the choice");
        assertTrue(
                browser.driver()
                        .findElement(By.cssSelector(".prev-next a.next"))
                        .getAttribute("href")
                        .endsWith("?list=best-of&i=0"),
                "next from the last is the first");
        playTheEnd();
        assertEquals(order.get(0), awaitPlaylistVideo("best-of", 0, 3), "the last video advances to the first");

        // Repeat off on the video page: the first video has no previous any more.
        assertEquals(1L, browser.js("return document.querySelectorAll('.prev-next a.prev').length"));
        browser.driver().findElement(By.cssSelector(".playlist-bar .repeat")).click();
        assertEquals("false", pressed(".playlist-bar .repeat"));
        assertEquals(0L, browser.js("return document.querySelectorAll('.prev-next a.prev').length"));
        assertNoConsoleErrors();
    }

    // ---------------------------------------------------------------- random

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void randomNeverPicksTheVideoOnScreen(String protocol) {
        openFresh(protocol, "index.html");
        browser.driver().findElements(By.cssSelector(".cards .card")).get(0).click();
        for (int i = 0; i < 6; i++) {
            browser.await("a video page", () -> browser.driver().getCurrentUrl().contains("/video/"));
            String before = browser.driver().getCurrentUrl();
            browser.driver().findElement(By.cssSelector(".random-button")).click();
            browser.await(
                    "another page", () -> !browser.driver().getCurrentUrl().equals(before));
            String after = browser.driver().getCurrentUrl();
            assertTrue(after.contains("/video/"), after);
            assertNotEquals(
                    before.substring(before.lastIndexOf('/')),
                    after.substring(after.lastIndexOf('/')),
                    "random picked the video on screen");
        }
        assertNoConsoleErrors();
    }
}
