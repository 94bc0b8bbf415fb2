package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.ova.media.TestClips;

/**
 * The site as visitors use it, on a real-shaped library: the sample plus a 0-byte, a truncated and
 * a random-bytes file (nothing can read them) and an MPEG-4 Part 2 video in AVI (browsers cannot
 * play it and the default {@code webProxy: auto} makes no copy). In Chromium, from {@code file://}
 * and over http with byte ranges: the playlist plays through in one page, the phone layout keeps a
 * usable seek bar, broken and unplayable pages are honest, Random skips them, Continue watching,
 * the shortcut help, and no console errors anywhere.
 */
class VisitorBrowserTest extends SampleSiteSession {

    private static final List<String> BAD_TITLES = List.of("Empty", "Truncated", "Random", "Camera");

    @Override
    protected SampleSite buildSite() throws IOException {
        return SampleSite.build(
                library -> {
                    Path bad = Files.createDirectories(library.resolve("Bad"));
                    Files.createFile(bad.resolve("empty.mp4"));
                    byte[] whole = Files.readAllBytes(library.resolve("Family/Beach day.mp4"));
                    Files.write(bad.resolve("truncated.mp4"), java.util.Arrays.copyOf(whole, 1000));
                    byte[] noise = new byte[40_000];
                    new Random(7).nextBytes(noise);
                    Files.write(bad.resolve("random.mkv"), noise);
                    ffmpeg(
                            bad.resolve("camera.avi"),
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc2=size=160x90:rate=10:duration=2",
                            "-c:v",
                            "mpeg4");
                },
                true);
    }

    private static void ffmpeg(Path out, String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(TestClips.installation().ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        command.add(out.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("ffmpeg failed making " + out + ": "
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void openFresh(String protocol, String page) {
        browser.open(site.base(protocol) + page);
        browser.js("localStorage.clear(); sessionStorage.clear();");
        browser.open(site.base(protocol) + page);
    }

    /** Site-relative page address of each video by title, from data/library.js. */
    @SuppressWarnings("unchecked")
    private Map<String, String> pagesByTitle(String protocol) {
        browser.open(site.base(protocol) + "index.html");
        List<Map<String, Object>> videos = (List<Map<String, Object>>) browser.js("""
                return new Promise((resolve) => OVA.loadData('OVA_LIBRARY', 'library.js')
                  .then((lib) => resolve(lib.videos)));""");
        Map<String, String> pages = new java.util.HashMap<>();
        videos.forEach(v -> pages.put((String) v.get("t"), (String) v.get("u")));
        return pages;
    }

    private double currentTime() {
        return ((Number) browser.js("return document.getElementById('ova-player').currentTime")).doubleValue();
    }

    private String playingId() {
        return (String) browser.js("return document.getElementById('ova-player').dataset.videoId");
    }

    private void assertNoConsoleErrors() {
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    // ---------------------------------------------------------------- playlist in one page

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void aPlaylistPlaysThroughInOnePageWithoutAClick(String protocol) {
        openFresh(protocol, "playlist/weekend.html");
        browser.driver().findElement(By.cssSelector(".play-all")).click();
        browser.await("the first video", () -> browser.driver().getCurrentUrl().contains("?list=weekend&i=0"));
        browser.awaitPresent("the playlist bar", ".playlist-bar");
        browser.js("window.ovaSamePage = true;");
        List<String> played = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int item = i;
            browser.await(
                    "item " + item + " in the address",
                    () -> browser.driver().getCurrentUrl().contains("&i=" + item));
            browser.await(
                    "item " + item + " to play by itself",
                    () -> !Boolean.TRUE.equals(browser.js("return document.getElementById('ova-player').paused"))
                            && currentTime() > 0.4);
            assertEquals(
                    (item + 1) + " / 3",
                    browser.driver()
                            .findElement(By.cssSelector(".playlist-bar .position"))
                            .getText());
            played.add(playingId());
            if (item < 2) {
                browser.js("const v = document.getElementById('ova-player'); v.currentTime = v.duration - 0.2;");
                browser.await("the next video", () -> !playingId().equals(played.get(item)));
            }
        }
        assertEquals(3, new HashSet<>(played).size(), played.toString());
        assertEquals(Boolean.TRUE, browser.js("return window.ovaSamePage === true"), "the page never reloaded");
        assertTrue(browser.driver()
                .findElement(By.cssSelector("h1.video-title"))
                .getText()
                .startsWith("Beach day"));

        // A reload lands on the same item.
        browser.driver().navigate().refresh();
        browser.await("the reloaded page", () -> "complete".equals(browser.js("return document.readyState")));
        browser.await(
                "the same item after a reload",
                () -> played.get(2).equals(playingId())
                        && "3 / 3"
                                .equals(browser.driver()
                                        .findElement(By.cssSelector(".playlist-bar .position"))
                                        .getText()));
        assertNoConsoleErrors();
    }

    /**
     * With Chromium's default policy (sound needs a gesture on the page) the next item cannot start
     * with sound: it plays muted with an Unmute button; once unmuted, and in fullscreen, the next items
     * play on in the same fullscreen player with sound.
     */
    @Test
    void whereSoundNeedsAClickThePlaylistPlaysMutedWithAnUnmuteButtonAndStaysFullscreen() {
        try (Browser strict = Browser.start(List.of("--autoplay-policy=user-gesture-required"))) {
            strict.open(site.base("http") + "playlist/weekend.html");
            strict.driver().findElement(By.cssSelector(".play-all")).click();
            strict.await(
                    "the first item to play muted",
                    () -> Boolean.TRUE.equals(onPlayer(strict, "!v.paused && v.muted"))
                            && !strict.driver()
                                    .findElements(By.cssSelector(".unmute"))
                                    .isEmpty());

            strict.driver().findElement(By.cssSelector(".unmute")).click();
            assertEquals(Boolean.FALSE, onPlayer(strict, "v.muted"));
            assertTrue(strict.driver().findElements(By.cssSelector(".unmute")).isEmpty(), "the button goes");

            strict.driver()
                    .findElement(By.cssSelector("button[data-plyr='fullscreen']"))
                    .click();
            strict.await("fullscreen", () -> Boolean.TRUE.equals(strict.js("return !!document.fullscreenElement")));
            Object first = onPlayer(strict, "v.dataset.videoId");
            onPlayer(strict, "v.currentTime = v.duration - 0.2");
            strict.await(
                    "the second item to play with sound",
                    () -> !first.equals(onPlayer(strict, "v.dataset.videoId"))
                            && Boolean.TRUE.equals(onPlayer(strict, "!v.paused && !v.muted && v.currentTime > 0.3")));
            assertEquals(Boolean.TRUE, strict.js("return !!document.fullscreenElement"), "still fullscreen");
            assertTrue(strict.driver().findElements(By.cssSelector(".unmute")).isEmpty(), "no Unmute button");
        }
    }

    /** {@code expression} about the page's player {@code v}, evaluated in {@code in}. */
    private static Object onPlayer(Browser in, String expression) {
        return in.js("const v = document.getElementById('ova-player'); return " + expression + ";");
    }

    // ---------------------------------------------------------------- phone layout

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void onAPhoneTheSeekBarTakesMostOfTheWidthAndMarkerTicksStillSeek(String protocol) {
        String page = pagesByTitle(protocol).get("Beach day");
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            openFresh(protocol, page);
            browser.await(
                    "the marker ticks",
                    () -> browser.driver()
                                    .findElements(By.cssSelector(".plyr__progress .ova-marker"))
                                    .size()
                            == 2);
            double share = ((Number) browser.js("return document.querySelector('.plyr__progress').offsetWidth"
                            + " / document.documentElement.clientWidth"))
                    .doubleValue();
            assertTrue(share >= 0.55, "the seek bar is " + share + " of the width");
            assertFalse(
                    browser.driver()
                            .findElement(By.cssSelector(".plyr__volume input[type=range]"))
                            .isDisplayed(),
                    "no volume slider on a phone");
            assertTrue(browser.driver()
                    .findElement(By.cssSelector("[data-plyr=mute]"))
                    .isDisplayed());
            WebElement tick =
                    browser.driver().findElements(By.cssSelector(".ova-marker")).get(1);
            double at = ((Number) browser.js("return JSON.parse(document.getElementById('ova-video-data')"
                            + ".textContent).markers.map((m) => m.at).sort((a, b) => a - b)[1]"))
                    .doubleValue();
            browser.js("document.getElementById('ova-player').muted = true;");
            tick.click();
            browser.await("the marker's time", () -> Math.abs(currentTime() - at) < 1.0);
            assertTrue(
                    browser.driver().findElements(By.cssSelector(".seek-note")).isEmpty(),
                    "file:// and a server with byte ranges can seek");

            // A double tap on the left third goes back 10 s (here: to the start of the 6 s clip).
            browser.js("const v = document.getElementById('ova-player'); v.pause(); v.currentTime = 5;");
            browser.await("the seek to 5 s", () -> Math.abs(currentTime() - 5) < 0.2);
            doubleTap(0.15);
            browser.await("back to the start", () -> currentTime() < 1.5);
            assertNoConsoleErrors();
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** Two quick touches on the video, at {@code share} of its width and 40% of its height. */
    private void doubleTap(double share) {
        @SuppressWarnings("unchecked")
        Map<String, Number> box =
                (Map<String, Number>) browser.js("const r = document.querySelector('.plyr').getBoundingClientRect();"
                        + " return {x: r.left, y: r.top, w: r.width, h: r.height};");
        int x = (int) (box.get("x").doubleValue() + box.get("w").doubleValue() * share);
        int y = (int) (box.get("y").doubleValue() + box.get("h").doubleValue() * 0.4);
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence taps = new Sequence(finger, 0);
        for (int i = 0; i < 2; i++) {
            taps.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x, y));
            taps.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
            taps.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
            taps.addAction(new Pause(finger, Duration.ofMillis(80)));
        }
        browser.driver().perform(List.of(taps));
    }

    // ---------------------------------------------------------------- broken and unplayable files

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void brokenFilesGetAPlainMessageAndNoPlayerAndUnplayableOnesNoMarkerButton(String protocol) {
        Map<String, String> pages = pagesByTitle(protocol);
        for (String title : List.of("Empty", "Truncated", "Random")) {
            browser.open(site.base(protocol) + pages.get(title));
            assertTrue(browser.driver().findElements(By.tagName("video")).isEmpty(), title + " has a <video>");
            assertEquals(
                    "This file could not be read.",
                    browser.driver()
                            .findElement(By.cssSelector(".not-playable p"))
                            .getText(),
                    title);
            WebElement details = browser.driver().findElement(By.cssSelector("details.owner-details"));
            assertNull(details.getAttribute("open"), "the owner's details start folded");
            assertTrue(
                    browser.driver().findElements(By.cssSelector(".add-marker")).isEmpty(), title);
        }
        browser.open(site.base(protocol) + pages.get("Camera"));
        assertTrue(browser.driver().findElements(By.tagName("video")).isEmpty());
        assertTrue(browser.driver()
                .findElement(By.cssSelector(".not-playable"))
                .getText()
                .startsWith("Browsers cannot play this video (MPEG4 video in AVI)"));
        assertTrue(browser.driver().findElements(By.cssSelector(".add-marker")).isEmpty());
        assertFalse(browser.driver()
                .findElement(By.cssSelector(".not-playable"))
                .getText()
                .contains("webProxy"));
        assertNoConsoleErrors();
    }

    @Test
    void noPageContainsWhereTheLibraryLives() throws IOException {
        String folder = site.library.toAbsolutePath().toString();
        try (Stream<Path> files = Files.walk(site.site)) {
            for (Path file : (Iterable<Path>) files.filter(
                    p -> p.toString().endsWith(".html") || p.toString().endsWith(".js"))::iterator) {
                String text = Files.readString(file);
                assertFalse(text.contains(folder), file + " contains " + folder);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void randomNeverLandsOnABrokenOrUnplayableVideo(String protocol) {
        Map<String, String> pages = pagesByTitle(protocol);
        Set<String> bad = new HashSet<>();
        BAD_TITLES.forEach(t -> bad.add(pages.get(t).substring(pages.get(t).lastIndexOf('/') + 1)));
        browser.open(site.base(protocol) + "index.html");
        // 100 presses with Math.random stepping through [0, 1); each navigation is recorded and cancelled.
        @SuppressWarnings("unchecked")
        List<String> picked = (List<String>) browser.js("""
                const picked = [];
                navigation.addEventListener('navigate', (e) => { picked.push(e.destination.url); e.preventDefault(); });
                const button = document.querySelector('.random-button');
                let k = 0;
                Math.random = () => (k % 100) / 100;
                return (async () => {
                  for (; k < 100; k++) {
                    const before = picked.length;
                    button.click();
                    for (let w = 0; w < 200 && picked.length === before; w++) {
                      await new Promise((r) => setTimeout(r, 5));
                    }
                  }
                  return picked;
                })();""");
        assertEquals(100, picked.size());
        Set<String> landed = new HashSet<>();
        picked.forEach(url -> landed.add(url.substring(url.lastIndexOf('/') + 1)));
        assertEquals(6, landed.size(), "every playable video of the sample: " + landed);
        landed.forEach(page -> assertFalse(bad.contains(page), "random picked " + page));
    }

    // ---------------------------------------------------------------- continue watching, shortcut help

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void continueWatchingListsAVideoWatchedForThreeSecondsUntilTheHistoryIsCleared(String protocol) {
        String page = pagesByTitle(protocol).get("Intro to signals");
        openFresh(protocol, page);
        String id = playingId();
        // at four times the speed: the history keeps the position reached, not the time spent watching
        browser.js("const v = document.getElementById('ova-player'); v.muted = true; v.playbackRate = 4; v.play();");
        browser.await("three seconds watched", () -> currentTime() > 3);
        browser.driver().navigate().refresh(); // leaving the page saves the position
        browser.open(site.base(protocol) + "index.html");
        browser.await(
                "the Continue watching row",
                () -> !browser.driver()
                        .findElements(By.cssSelector(".continue-watching a.card[data-id='" + id + "']"))
                        .isEmpty());
        assertTrue(
                browser.driver()
                                .findElements(By.cssSelector(".cards a.card[data-id='" + id + "'] .watch-progress"))
                                .size()
                        >= 2,
                "a progress bar on its card in the row and in the grid");
        browser.driver().findElement(By.cssSelector(".clear-history")).click();
        assertTrue(browser.driver()
                .findElements(By.cssSelector(".continue-watching"))
                .isEmpty());
        assertTrue(
                browser.driver().findElements(By.cssSelector(".watch-progress")).isEmpty());
        browser.driver().navigate().refresh();
        browser.await("the reloaded page", () -> "complete".equals(browser.js("return document.readyState")));
        assertTrue(browser.driver()
                .findElements(By.cssSelector(".continue-watching"))
                .isEmpty());
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void questionMarkAndTheKeyboardIconShowTheShortcuts(String protocol) {
        openFresh(protocol, pagesByTitle(protocol).get("Beach day"));
        browser.awaitPresent("the player", ".keys-button");
        new Actions(browser.driver()).sendKeys("?").perform();
        WebElement help = browser.driver().findElement(By.cssSelector("dialog.shortcut-help"));
        assertTrue(help.isDisplayed());
        assertTrue(help.getText().contains("Previous / next marker"), help.getText());
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        browser.await("the help to close", () -> !help.isDisplayed());
        browser.driver().findElement(By.cssSelector(".keys-button")).click();
        assertTrue(help.isDisplayed());
        assertNoConsoleErrors();
    }

    /**
     * A server that answers every request with the whole file (no byte ranges, like {@code python3 -m
     * http.server}): the video page says once that it cannot seek.
     */
    @Test
    void aServerWithoutByteRangesIsNamedOnce() throws IOException {
        HttpServer plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/", exchange -> {
            Path file = site.library.resolve(
                    URI.create(exchange.getRequestURI().getRawPath()).getPath().substring(1));
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                String name = file.getFileName().toString();
                exchange.getResponseHeaders()
                        .add(
                                "Content-Type",
                                name.endsWith(".html")
                                        ? "text/html"
                                        : name.endsWith(".js")
                                                ? "text/javascript"
                                                : name.endsWith(".css")
                                                        ? "text/css"
                                                        : name.endsWith(".mp4")
                                                                ? "video/mp4"
                                                                : "application/octet-stream");
                byte[] bytes = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        plain.start();
        try {
            String base = "http://127.0.0.1:" + plain.getAddress().getPort() + "/.ova-repo/site/";
            String page = pagesByTitle("file").get("Beach day");
            browser.open(base + page);
            browser.js("sessionStorage.clear()");
            browser.open(base + page);
            browser.awaitPresent("the note", ".seek-note");
            assertTrue(browser.driver()
                    .findElement(By.cssSelector(".seek-note"))
                    .getText()
                    .contains("ova serve"));
            browser.open(base + page);
            browser.await(
                    "the metadata",
                    () -> ((Number) browser.js("return document.getElementById('ova-player').readyState")).intValue()
                            >= 1);
            assertTrue(
                    browser.driver().findElements(By.cssSelector(".seek-note")).isEmpty(), "said once per visit");
        } finally {
            plain.stop(0);
        }
    }

    // ---------------------------------------------------------------- every page

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void noPageLogsAConsoleError(String protocol) throws IOException {
        List<String> errors = new ArrayList<>();
        for (String page : pagesOfEveryKind()) {
            browser.open(site.base(protocol) + page.replace(" ", "%20"));
            browser.consoleErrors().forEach(error -> errors.add(page + ": " + error));
        }
        assertEquals(List.of(), errors);
    }

    /**
     * The site's top-level pages and the first three of each folder (every kind of page, and each video
     * of this small library): pages of one kind share their template and scripts.
     */
    private List<String> pagesOfEveryKind() throws IOException {
        Map<String, List<String>> byFolder = new TreeMap<>();
        try (Stream<Path> files = Files.walk(site.site)) {
            files.filter(p -> p.toString().endsWith(".html"))
                    .map(file -> site.site.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .forEach(page -> byFolder.computeIfAbsent(
                                    page.contains("/") ? page.substring(0, page.lastIndexOf('/')) : "",
                                    folder -> new ArrayList<>())
                            .add(page));
        }
        return byFolder.entrySet().stream()
                .flatMap(folder -> folder.getKey().isEmpty()
                        ? folder.getValue().stream()
                        : folder.getValue().stream().limit(3))
                .toList();
    }

    /** Not a check: pictures of the pages for a person to look at (target/screenshots/). */
    @Test
    void screenshots() {
        Map<String, String> pages = pagesByTitle("http");
        openFresh("http", pages.get("Intro to signals"));
        browser.js("const v = document.getElementById('ova-player'); v.muted = true; v.currentTime = 3;");
        browser.await("the seek", () -> currentTime() >= 2.9);
        browser.driver().navigate().refresh();
        browser.await("the reloaded page", () -> "complete".equals(browser.js("return document.readyState")));
        browser.js("document.getElementById('ova-player').pause()");
        browser.screenshot("video-desktop");
        browser.open(site.base("http") + "index.html");
        browser.awaitPresent("the Continue watching row", ".continue-watching");
        browser.screenshot("library-continue-watching");
        browser.open(site.base("http") + pages.get("Truncated"));
        browser.js("document.querySelector('details.owner-details').open = true");
        browser.screenshot("broken-file");
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.open(site.base("http") + pages.get("Beach day"));
            browser.await(
                    "the marker ticks",
                    () -> browser.driver()
                                    .findElements(By.cssSelector(".plyr__progress .ova-marker"))
                                    .size()
                            == 2);
            browser.js("document.querySelector('.plyr').classList.remove('plyr--hide-controls')");
            browser.screenshot("video-phone");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
