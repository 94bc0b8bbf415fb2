package org.ova.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.cli.Logging;
import org.ova.cli.Verbosity;
import org.ova.media.TestClips;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;
import org.ova.server.edit.VideoEditor;
import org.ova.site.LiveSite;
import org.ova.site.SitePaths;
import org.ova.site.SiteResult;

/**
 * Hand edits of a served library's YAML: a real built library, a real server on a loopback port, the
 * watcher as {@code ova serve} starts it, and files written as a person's editor writes them.
 */
class HandEditsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SOON = Duration.ofSeconds(2);

    @TempDir
    static Path library;

    private static LibraryLayout layout;
    private static LiveLibrary live;
    private static LiveSite site;
    private static OvaServer server;
    private static LibraryWatcher watcher;
    private static Http http;

    @BeforeAll
    static void serveAndWatch() throws IOException, InterruptedException {
        TestClips clips = TestClips.withLocatedFfmpeg();
        String[] names = {"trips/beach day.mp4", "home/cat.mp4", "home/dog.mp4"};
        for (int i = 0; i < names.length; i++) {
            Path video = library.resolve(names[i]);
            Files.createDirectories(video.getParent());
            // different sizes: the same content would be one video listed once
            clips.clip(video, TestClips.Spec.of(1, 64 + 16 * i, 36));
        }
        ServedLibrary.build(library);
        layout = new LibraryLayout(library);
        Logging.configure(Verbosity.QUIET, false, Optional.of(layout.logFile()));
        Library loaded = ServedLibrary.load(library);
        live = new LiveLibrary(loaded);
        site = LiveSiteRefresh.siteOf(loaded);
        VideoEditor editor = LiveSiteRefresh.editorOf(live, site);
        server = OvaServer.start(
                new ServerSettings(ServedLibrary.options("127.0.0.1", false, 1), Optional.empty(), "test"),
                live,
                Optional.empty(),
                editor);
        watcher = HandEdits.watch(editor, site, server.events());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        watcher.close();
        server.close();
        Logging.configure(Verbosity.QUIET, false, Optional.empty());
    }

    private static LibraryVideo video(String path) {
        return live.library().videos().stream()
                .filter(v -> v.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    private static Path page(String sitePath) {
        return layout.repoDir().resolve("site").resolve(sitePath);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + SOON + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static JsonNode problems() {
        try {
            return JSON.readTree(http.get("/api/status").body()).get("problems");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static EventStream events() throws InterruptedException {
        return EventStream.open(http.uri("/api/events"));
    }

    /** Waits until {@code events} heard no reload for a while: an earlier test's last one has come. */
    private static void quiet(EventStream events) throws InterruptedException {
        while (events.next("reload", Duration.ofMillis(500)) != null) {
            // an earlier change
        }
    }

    @Test
    void aRenderEndsWithTheNewestLibraryWhenItChangedDuringTheRender() throws IOException {
        Library before = live.library();
        LibraryVideo first = before.videos().get(0);
        Library newer = before.withVideo(first.id(), video -> video.withMetadata(VideoMetadata.defaults("Newest")));
        AtomicInteger asked = new AtomicInteger();
        List<SiteResult> results = new ArrayList<>();
        try {
            Library rendered = LiveSiteRefresh.refreshLatest(
                    site, () -> asked.getAndIncrement() == 0 ? before : newer, Set.of(), results::add);

            assertSame(newer, rendered);
            assertEquals(2, results.size(), "rendered again with the library that came during the first render");
            assertTrue(Files.readString(page(SitePaths.video(first.id()))).contains("Newest"));
        } finally {
            site.refresh(live.library(), Instant.now());
        }
    }

    @Test
    void readingHandEditsAgainKeepsWhatWasProcessedOrAddedSinceTheFilesWereRead() {
        Library loaded = live.library();
        LibraryVideo first = loaded.videos().get(0);
        Library read = loaded.withVideo(first.id(), video -> video.withMetadata(VideoMetadata.defaults("By hand")));
        GeneratedMedia processed = new GeneratedMedia(
                Optional.of("media/" + first.id() + "/thumbnail/t.jpg"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                first.generated().playable());
        List<LibraryVideo> videos =
                new ArrayList<>(loaded.withVideo(first.id(), video -> video.withGenerated(processed))
                        .videos());
        LibraryVideo arrived = new LibraryVideo(
                "arrived",
                "new.mp4",
                1,
                Instant.EPOCH,
                VideoMetadata.defaults("New"),
                Optional.empty(),
                GeneratedMedia.NONE,
                VrMode.FLAT);
        videos.add(arrived);
        Library latest = new Library(loaded.layout(), loaded.config(), videos, loaded.playlists(), loaded.duplicates());

        Library merged = HandEdits.withHandEdits(latest, read);

        LibraryVideo after = merged.videos().get(0);
        assertEquals("By hand", after.metadata().title(), "the hand edit");
        assertEquals(processed, after.generated(), "the processing result of meanwhile");
        assertTrue(merged.videos().contains(arrived), "the video that arrived meanwhile");
        assertEquals(loaded.videos().size() + 1, merged.videos().size());
    }

    @Test
    void aTitleEditedByHandReachesThePageOnDiskAndOpenPagesHearAReload() throws Exception {
        LibraryVideo video = video("trips/beach day.mp4");
        Path page = page(SitePaths.video(video.id()));
        try (EventStream events = events()) {
            Files.writeString(layout.metadataFile(video.path()), "title: Sunset over the dunes\n");
            await("the new title on the video page", () -> read(page).contains("Sunset over the dunes"));
            EventStream.Event reload = events.next("reload", SOON);
            assertNotNull(reload, "a reload event");
            assertTrue(reload.data().contains("\"pagesWritten\":"), reload.data());
        }
        assertEquals(
                "Sunset over the dunes", video("trips/beach day.mp4").metadata().title());
    }

    @Test
    void aBrokenFileKeepsTheLastGoodTitleAndIsListedWithItsPositionUntilFixed() throws Exception {
        LibraryVideo video = video("home/cat.mp4");
        Path file = layout.metadataFile(video.path());
        Path page = page(SitePaths.video(video.id()));
        try (EventStream events = events()) {
            Files.writeString(file, "title: Cat on the sofa\n");
            await("the good title", () -> read(page).contains("Cat on the sofa"));
            assertNotNull(events.next("reload", SOON));

            Files.writeString(file, "title: Cat on the roof\nrating: [five\n");
            await("the problem in /api/status", () -> problems().size() > 0);
            JsonNode problem = problems().get(0);
            assertEquals(
                    ".ova-repo/metadata/home/cat.mp4.yaml", problem.get("file").asText());
            assertTrue(problem.get("line").asInt() >= 2, problem.toString());
            assertTrue(problem.get("column").asInt() >= 1, problem.toString());
            assertTrue(problem.get("message").asText().contains("keeping its last good metadata"), problem.toString());
            EventStream.Event listed = events.next("problems", SOON);
            assertNotNull(listed);
            assertTrue(listed.data().contains("cat.mp4.yaml"), listed.data());
            assertNotNull(events.next("reload", SOON));
            assertTrue(read(page).contains("Cat on the sofa"), "the page keeps the last good title");
            assertFalse(read(page).contains("Cat on the roof"));
            String logged = ".ova-repo/metadata/home/cat.mp4.yaml:"
                    + problem.get("line").asInt() + ":" + problem.get("column").asInt() + ": ";
            String log = Files.readString(layout.logFile());
            assertEquals(1, log.split(Pattern.quote(logged), -1).length - 1, "logged once: " + log);

            Files.writeString(file, "title: Cat on the roof\nrating: 5\n");
            await("the problem gone", () -> problems().isEmpty());
            await("the fixed title", () -> read(page).contains("Cat on the roof"));
            assertEquals("[]", events.next("problems", SOON).data());
            assertNotNull(events.next("reload", SOON));
        }
    }

    @Test
    void aNewPlaylistFileGetsItsPage() throws Exception {
        Path page = page(SitePaths.playlist("evening"));
        try (EventStream events = events()) {
            Files.createDirectories(layout.playlistsDir());
            Files.writeString(
                    layout.playlistsDir().resolve("evening.yaml"),
                    "title: Evening\nvideos:\n  - home/dog.mp4\n  - home/cat.mp4\n");
            await("the playlist page", () -> read(page).contains("Evening"));
            assertNotNull(events.next("reload", SOON));
        }
    }

    @Test
    void aBurstOfSavesCostsOneOrTwoRenders() throws Exception {
        Path file = layout.metadataFile("home/dog.mp4");
        try (EventStream events = events()) {
            quiet(events);
            for (int i = 1; i <= 10; i++) {
                Files.writeString(file, "title: Dog " + i + "\n");
                Thread.sleep(5);
            }
            int reloads = events.count("reload", Duration.ofMillis(1500));
            assertTrue(reloads >= 1 && reloads <= 2, reloads + " renders");
        }
        assertEquals("Dog 10", video("home/dog.mp4").metadata().title());
    }

    @Test
    void editorSwapAndBackupFilesAreIgnored() throws Exception {
        Path folder = layout.metadataFile("home/dog.mp4").getParent();
        try (EventStream events = events()) {
            quiet(events);
            Files.writeString(folder.resolve(".dog.mp4.yaml.swp"), "x");
            Files.writeString(folder.resolve("dog.mp4.yaml~"), "x");
            Files.writeString(folder.resolve("4913"), "");
            assertEquals(0, events.count("reload", Duration.ofMillis(600)));
        }
    }

    @Test
    void theWatcherThreadEndsWhenClosed() {
        LibraryWatcher another = LibraryWatcher.start(layout, HandEdits.QUIET, () -> {}, () -> {});
        assertTrue(another.running());
        another.close();
        assertFalse(another.running());
    }

    @Test
    void aServerWithOpenEventStreamsStopsPromptly() throws Exception {
        OvaServer another = OvaServer.start(
                new ServerSettings(ServedLibrary.options("127.0.0.1", false, 1), Optional.empty(), "test"),
                live,
                Optional.empty(),
                LiveSiteRefresh.editorOf(live, site));
        try (EventStream first = EventStream.open(new Http(another.port()).uri("/api/events"));
                EventStream second = EventStream.open(new Http(another.port()).uri("/api/events"))) {
            long started = System.nanoTime();
            another.close();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "stopped in " + took);
        }
    }
}
