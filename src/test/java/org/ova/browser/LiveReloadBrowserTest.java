package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.ova.cli.Logging;
import org.ova.cli.Verbosity;
import org.ova.media.TestClips;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.server.HandEdits;
import org.ova.server.LibraryWatcher;
import org.ova.server.LiveLibrary;
import org.ova.server.LiveSiteRefresh;
import org.ova.server.OvaServer;
import org.ova.server.ServedLibrary;
import org.ova.server.ServerSettings;
import org.ova.server.edit.VideoEditor;
import org.ova.site.LiveSite;

/**
 * Pages served by {@code ova serve} follow hand edits in Chromium: a page whose file changed reloads
 * itself (EventSource on {@code /api/events}), and a broken YAML shows a dismissible banner on the page
 * until it is fixed.
 */
class LiveReloadBrowserTest {

    @TempDir
    static Path library;

    private static LibraryLayout layout;
    private static OvaServer server;
    private static LibraryWatcher watcher;
    private static Browser browser;
    private static String videoPage;

    @BeforeAll
    static void serveAndWatch() {
        TestClips.withLocatedFfmpeg().clip(library.resolve("talk.mp4"), TestClips.Spec.of(2, 160, 90));
        ServedLibrary.build(library);
        layout = new LibraryLayout(library);
        Logging.configure(Verbosity.QUIET, false, Optional.of(layout.logFile()));
        Library loaded = ServedLibrary.load(library);
        LiveLibrary live = new LiveLibrary(loaded);
        LiveSite site = LiveSiteRefresh.siteOf(loaded);
        VideoEditor editor = LiveSiteRefresh.editorOf(live, site);
        server = OvaServer.start(
                new ServerSettings(ServedLibrary.options("127.0.0.1", false, 1), Optional.empty(), "test"),
                live,
                Optional.empty(),
                editor);
        watcher = HandEdits.watch(editor, site, server.events());
        browser = Browser.shared();
        browser.open(server.url("127.0.0.1"));
        videoPage = browser.driver().findElement(By.cssSelector(".cards .card")).getAttribute("href");
    }

    @AfterAll
    static void stop() {
        watcher.close();
        server.close();
        Logging.configure(Verbosity.QUIET, false, Optional.empty());
    }

    private static void write(String yaml) {
        try {
            Files.writeString(layout.metadataFile("talk.mp4"), yaml);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The video page's file as the server sends it now. */
    private static String pageOnDisk() {
        try {
            return Files.readString(
                    layout.root().resolve(URI.create(videoPage).getPath().substring(1)));
        } catch (IOException e) {
            return "";
        }
    }

    private static String title() {
        return browser.driver().findElement(By.cssSelector(".video-title")).getText();
    }

    @Test
    void aPageReloadsItselfWithTheTitleEditedByHand() {
        browser.open(videoPage);
        browser.js("window.notReloaded = true;");
        write("title: A talk about rivers\n");
        browser.await("the new title, after a reload", () -> {
            try {
                return "A talk about rivers".equals(title()) && browser.js("return window.notReloaded") == null;
            } catch (RuntimeException reloading) {
                return false;
            }
        });
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @Test
    void aBrokenFileShowsABannerUntilFixedAndTheBannerCanBeDismissed() {
        write("title: Good title\n");
        // the reload of an open page is the other test's: this one starts from the page as re-rendered
        browser.await("the good title on disk", () -> pageOnDisk().contains("Good title"));
        browser.open(videoPage);
        // opened while the other test's page may still be reloading itself: open again until it settled
        browser.await("the good title (the page shows '" + title() + "')", () -> {
            if ("Good title".equals(title())) {
                return true;
            }
            // a new address each time: the shared browser may hold the other test's page in a cache
            browser.open(videoPage + "?again=" + System.nanoTime());
            return false;
        });
        write("title: Good title\nrating: [oops\n");
        browser.awaitPresent("the problems banner", ".ova-problems");
        String banner =
                browser.driver().findElement(By.cssSelector(".ova-problems")).getText();
        assertTrue(banner.contains(".ova-repo/metadata/talk.mp4.yaml:3:1"), banner);
        assertEquals("Good title", title(), "the page keeps the last good title");

        browser.driver().findElement(By.cssSelector(".ova-problems .dismiss")).click();
        assertTrue(
                browser.driver().findElements(By.cssSelector(".ova-problems")).isEmpty());
        browser.open(videoPage);
        assertTrue(
                browser.driver().findElements(By.cssSelector(".ova-problems")).isEmpty(),
                "dismissed: not shown again for the same problems");

        write("title: Fixed title\n");
        browser.await("the fixed title", () -> {
            try {
                return "Fixed title".equals(title());
            } catch (RuntimeException reloading) {
                return false;
            }
        });
        assertTrue(
                browser.driver().findElements(By.cssSelector(".ova-problems")).isEmpty());
    }
}
