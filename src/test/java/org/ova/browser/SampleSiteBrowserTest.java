package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The built sample library in a real headless Chromium, from {@code file://} and over http: the
 * pages work without console errors, the player plays with scrub thumbnails, markers and chapters,
 * search and playlists behave (random: {@link ListAndPlaylistBrowserTest}), scroll positions come
 * back, and the VR page loads A-Frame.
 */
class SampleSiteBrowserTest extends SampleSiteSession {

    private ChromeDriver driver;

    @BeforeEach
    void freshWindow() {
        driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private void open(String protocol, String page) {
        browser.open(site.base(protocol) + page);
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private void await(BooleanSupplier condition) {
        browser.await(condition);
    }

    /** The href of the video page whose card has this title, relative to the site root. */
    private String videoPage(String protocol, String title) {
        open(protocol, "index.html");
        for (WebElement card : driver.findElements(By.cssSelector(".card"))) {
            if (card.findElement(By.cssSelector(".title")).getText().equals(title)) {
                return card.getAttribute("href").substring(site.base(protocol).length());
            }
        }
        throw new AssertionError("no card titled " + title);
    }

    /** Mutes the player and seeks once its metadata is in (a seek before that is lost). */
    private void seek(double seconds) {
        await(() -> ((Number) js("return document.getElementById('ova-player').readyState")).intValue() >= 1);
        js("const v = document.getElementById('ova-player'); v.muted = true; v.currentTime = arguments[0];", seconds);
        await(() -> Math.abs(currentTime() - seconds) < 0.05);
    }

    private double currentTime() {
        return ((Number) js("return document.getElementById('ova-player').currentTime")).doubleValue();
    }

    private void assertNoConsoleErrors() {
        List<String> errors = browser.consoleErrors();
        assertEquals(List.of(), errors, "console errors");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void libraryPageListsEveryVideo(String protocol) {
        open(protocol, "index.html");
        // the grid, not the Continue watching row that videos played by earlier tests add
        assertEquals(
                6,
                driver.findElements(By.cssSelector(".cards[data-list] .card")).size());
        browser.screenshot("library-" + protocol);
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void videoPlaysWithMarkersOnTheTimelineAndScrubThumbnails(String protocol) {
        open(protocol, videoPage(protocol, "Beach day"));
        await(() -> driver.findElements(By.cssSelector(".plyr__progress .ova-marker"))
                        .size()
                == 2);
        js("const v = document.getElementById('ova-player'); v.muted = true; v.play();");
        await(() -> currentTime() > 0.3);

        WebElement progress = driver.findElement(By.cssSelector(".plyr__progress"));
        int[] offset = {0};
        await(() -> {
            // Plyr draws the thumbnail on mouse moves, so keep moving until the cues are in
            offset[0] = (offset[0] + 17) % (progress.getSize().getWidth() / 3);
            new Actions(driver)
                    .moveToElement(progress, offset[0] - progress.getSize().getWidth() / 6, 0)
                    .perform();
            return Boolean.TRUE.equals(js("const img = document.querySelector('.plyr__preview-thumb--is-shown img');"
                    + " return !!img && img.complete && img.naturalWidth > 0"));
        });
        browser.screenshot("video-" + protocol);
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void clickingAChapterSeeksThere(String protocol) {
        open(protocol, videoPage(protocol, "Intro to signals"));
        List<WebElement> chapters = driver.findElements(By.cssSelector(".chapters [data-seek]"));
        assertTrue(chapters.size() >= 2, "the sample clip has chapters");
        WebElement second = chapters.get(1);
        double start = Double.parseDouble(second.getAttribute("data-seek"));
        js("document.getElementById('ova-player').muted = true");
        second.click();
        await(() -> Math.abs(currentTime() - start) < 1.0);
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void searchFindsAMarkerLabelAndLinksToItsTime(String protocol) {
        open(protocol, "search.html?q=big%20wave");
        await(() -> !driver.findElements(By.cssSelector(".search-results a[href*='#t=1.5']"))
                .isEmpty());
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void playlistAdvancesToTheNextVideoAtTheEnd(String protocol) {
        open(protocol, "playlist/weekend.html");
        driver.findElement(By.cssSelector(".play-all")).click();
        await(() -> driver.getCurrentUrl().contains("i=0"));
        await(() -> driver.findElements(By.id("ova-player")).size() == 1);
        js("const v = document.getElementById('ova-player'); v.muted = true;"
                + " v.addEventListener('loadedmetadata', () => { v.currentTime = v.duration - 0.3; v.play(); });"
                + " if (v.readyState > 0) { v.currentTime = v.duration - 0.3; v.play(); }");
        await(() -> driver.getCurrentUrl().contains("i=1"));
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void scrollPositionComesBackAfterVisitingAVideo(String protocol) {
        driver.manage().window().setSize(new Dimension(420, 500));
        open(protocol, "index.html");
        int target = ((Number)
                        js("return Math.floor((document.documentElement.scrollHeight - window.innerHeight) * 0.6)"))
                .intValue();
        assertTrue(target > 100, "the library page must scroll on a small window, max " + target);
        js("window.scrollTo(0, arguments[0])", target);
        await(() -> ((Number) js("return window.scrollY")).intValue() == target);
        js("return new Promise(r => setTimeout(r, 400))");
        driver.findElements(By.cssSelector(".cards .card")).get(4).click();
        await(() -> driver.getCurrentUrl().contains("/video/"));
        driver.navigate().back();
        await(() -> ((Number) js("return window.scrollY")).intValue() == target);

        open(protocol, "tags.html");
        open(protocol, "index.html");
        await(() -> ((Number) js("return window.scrollY")).intValue() == target);
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void keyboardJumpsBetweenMarkersAndChapters(String protocol) {
        open(protocol, videoPage(protocol, "Beach day"));
        await(() -> driver.findElements(By.cssSelector(".plyr__progress .ova-marker"))
                        .size()
                == 2);
        seek(0.2);
        js("document.activeElement.blur()");
        new Actions(driver).sendKeys("]").perform();
        await(() -> Math.abs(currentTime() - 1.5) < 0.05); // marker "Big wave"
        new Actions(driver).sendKeys("]").perform();
        await(() -> Math.abs(currentTime() - 4.5) < 0.05); // marker "Sandcastle"
        new Actions(driver).sendKeys(",").perform();
        await(() -> Math.abs(currentTime() - 2.0) < 0.05); // the previous chapter, "Swimming"
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void resumesWhereTheViewerLeftOff(String protocol) {
        // an 8 s clip: positions within 5 s of the end count as finished, so leave it at 2 s
        String page = videoPage(protocol, "Intro to signals");
        open(protocol, page);
        seek(2.0);
        open(protocol, "index.html");
        open(protocol, page);
        await(() -> Math.abs(currentTime() - 2.0) < 0.3);
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void addMarkerHereOffersAYamlSnippet(String protocol) {
        open(protocol, videoPage(protocol, "Intro to signals"));
        seek(2.5);
        driver.findElement(By.cssSelector(".add-marker")).click();
        new Actions(driver).sendKeys("Key point").perform();
        await(() -> String.valueOf(js("return document.querySelector('.marker-snippet pre').textContent"))
                .equals("markers:\n  - at: 0:02.5\n    label: Key point\n"));
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void topRatedFiltersByStars(String protocol) {
        open(protocol, "top-rated.html");
        driver.findElement(By.cssSelector("[data-rating-filter='5']")).click();
        await(() -> ((Number) js("return Array.from(document.querySelectorAll('.cards .card'))"
                                + ".filter(c => !c.closest('li').hidden).length"))
                        .intValue()
                == 1);
        assertEquals(
                "Beach day",
                js("return Array.from(document.querySelectorAll('.cards .card'))"
                        + ".find(c => !c.closest('li').hidden).querySelector('.title').textContent"));
        assertNoConsoleErrors();
    }

    @Test
    void vrPageLoadsAframeOverHttpAndExplainsFilePages() {
        open("http", videoPage("http", "Alpine lake (360°)").replace("video/", "vr/"));
        await(() -> Boolean.TRUE.equals(
                js("const s = document.querySelector('a-scene'); return !!window.AFRAME && !!s && s.hasLoaded")));
        browser.screenshot("vr-http");
        assertNoConsoleErrors();

        open("file", videoPage("file", "Alpine lake (360°)").replace("video/", "vr/"));
        assertFalse(
                driver.findElement(By.cssSelector("[data-vr-file-note]")).getAttribute("hidden") != null,
                "the file:// note is shown");
    }
}
