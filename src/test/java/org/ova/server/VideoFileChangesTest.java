package org.ova.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegLocator;
import org.ova.media.jobs.Job;
import org.ova.media.jobs.JobState;
import org.ova.media.jobs.ProcessingService;
import org.ova.media.pipeline.MediaService;
import org.ova.media.pipeline.Progress;
import org.ova.repo.BuildReport;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.server.edit.VideoEditor;
import org.ova.server.upload.DraftMetadata;
import org.ova.site.LiveSite;

/**
 * {@link VideoFileChanges} on a library built by {@code ova build} (real clips, real ffmpeg): what a new scan
 * finds becomes the served library, its site and its processing jobs.
 */
class VideoFileChangesTest {

    @TempDir
    Path library;

    /** A served library as {@code ova serve} wires it, with or without its processing service. */
    private record Served(
            LiveLibrary live, VideoEditor editor, Optional<ProcessingService> processing, VideoFileChanges changes)
            implements AutoCloseable {

        LibraryVideo at(String path) {
            return live.library().videos().stream()
                    .filter(video -> video.path().equals(path))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "no video at " + path + ": " + live.library().videos()));
        }

        boolean holds(String path) {
            return live.library().videos().stream()
                    .anyMatch(video -> video.path().equals(path));
        }

        /** The video's last job once it ended. */
        Job finished(String id) throws InterruptedException {
            for (int i = 0; i < 600; i++) {
                Optional<Job> last = processing.orElseThrow().jobs().stream()
                        .filter(job -> job.videoId().equals(id))
                        .reduce((a, b) -> b);
                if (last.isPresent()
                        && Set.of(JobState.DONE, JobState.FAILED)
                                .contains(last.get().state())) {
                    return last.get();
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no finished job for " + id + ": "
                    + processing.orElseThrow().jobs());
        }

        @Override
        public void close() {
            processing.ifPresent(ProcessingService::close);
        }
    }

    private Served serve(boolean process) {
        Library loaded = ServedLibrary.load(library);
        LiveLibrary live = new LiveLibrary(loaded);
        LiveSite site = LiveSiteRefresh.siteOf(loaded);
        site.refresh(loaded, Instant.now());
        VideoEditor editor = LiveSiteRefresh.editorOf(live, site);
        SiteEvents events = new SiteEvents();
        Optional<ProcessingService> processing = Optional.empty();
        if (process) {
            MediaService media = MediaService.open(
                    loaded.layout(),
                    loaded.config(),
                    Set.of(),
                    Optional.empty(),
                    () -> FfmpegLocator.forLibrary(
                            loaded.layout(), loaded.config().ffmpeg()),
                    Progress.SILENT,
                    new BuildReport());
            processing = Optional.of(ServedProcessing.start(media, editor, site, events));
        }
        return new Served(live, editor, processing, new VideoFileChanges(editor, site, events, processing));
    }

    /** A 1 s clip; {@code width} makes its content differ from the others'. */
    private void clip(String path, int width) throws Exception {
        Path file = library.resolve(path);
        Files.createDirectories(file.getParent());
        TestClips.withLocatedFfmpeg().clip(file, TestClips.Spec.of(1, width, 36));
    }

    private void builtWith(String... paths) throws Exception {
        for (int i = 0; i < paths.length; i++) {
            clip(paths[i], 64 + 16 * i);
        }
        ServedLibrary.build(library);
    }

    private Path page(String id) {
        return library.resolve(".ova-repo/site/video/" + id + ".html");
    }

    private String libraryPage() throws Exception {
        return Files.readString(library.resolve(".ova-repo/site/index.html"));
    }

    @Test
    void aNewClipIsTakenInWithAMetadataFileItsPageAndAProcessingJobThatShowsItsThumbnail() throws Exception {
        builtWith("a.mp4");
        try (Served served = serve(true)) {
            clip("Clips/new one.mp4", 128);
            served.changes().changed(Set.of("Clips/new one.mp4"));

            LibraryVideo added = served.at("Clips/new one.mp4");
            assertTrue(Files.exists(new LibraryLayout(library).metadataFile("Clips/new one.mp4")));
            assertTrue(Files.exists(page(added.id())), "its page is rendered right away");
            assertTrue(libraryPage().contains("New one"), libraryPage());
            assertEquals(JobState.DONE, served.finished(added.id()).state());
            assertTrue(served.at("Clips/new one.mp4").generated().thumbnail().isPresent());
            assertTrue(libraryPage().contains("media/" + added.id() + "/thumbnail/"), libraryPage());
        }
    }

    @Test
    void aMovedClipKeepsItsIdMetadataAndMedia() throws Exception {
        builtWith("a.mp4", "b.mp4");
        Files.writeString(new LibraryLayout(library).metadataFile("a.mp4"), "title: Kept by hand\ntags: [sea]\n");
        try (Served served = serve(false)) {
            served.changes().changed(Set.of()); // nothing moved yet: nothing changes
            LibraryVideo before = served.at("a.mp4");
            Files.createDirectories(library.resolve("sub"));
            Files.move(library.resolve("a.mp4"), library.resolve("sub/renamed.mp4"));
            served.changes().changed(Set.of("a.mp4", "sub/renamed.mp4"));

            assertFalse(served.holds("a.mp4"));
            LibraryVideo moved = served.at("sub/renamed.mp4");
            assertEquals(before.id(), moved.id());
            assertEquals("Kept by hand", moved.metadata().title());
            assertEquals(List.of("sea"), moved.metadata().tags());
            assertEquals(before.generated().thumbnail(), moved.generated().thumbnail());
            assertTrue(moved.generated().thumbnail().isPresent());
            assertEquals(
                    "sub/renamed.mp4",
                    moved.generated().playable().orElseThrow().path());
            assertEquals(2, served.live().library().videos().size());
        }
    }

    @Test
    void aDeletedClipIsDroppedWithItsMediaAndItsPage() throws Exception {
        builtWith("a.mp4", "b.mp4");
        try (Served served = serve(true)) {
            String id = served.at("a.mp4").id();
            assertTrue(Files.isDirectory(library.resolve(".ova-repo/media/" + id)));
            Files.delete(library.resolve("a.mp4"));
            served.changes().changed(Set.of("a.mp4"));

            assertFalse(served.holds("a.mp4"));
            assertTrue(served.holds("b.mp4"));
            assertFalse(Files.exists(library.resolve(".ova-repo/media/" + id)), "its media are removed");
            assertFalse(Files.exists(page(id)), "its page is removed");
        }
    }

    @Test
    void aClipDeletedWhileItsJobWaitsOrRunsHasItsJobCancelledAndNothingMadeForItKept() throws Exception {
        builtWith("a.mp4");
        try (Served served = serve(true)) {
            Path file = library.resolve("long.mp4");
            TestClips.withLocatedFfmpeg().clip(file, TestClips.Spec.of(20, 320, 240));
            served.changes().changed(Set.of("long.mp4"));
            String id = served.at("long.mp4").id();
            Files.delete(file);
            served.changes().changed(Set.of("long.mp4"));

            Job job = served.finished(id);
            assertEquals(JobState.FAILED, job.state());
            assertTrue(job.failure().orElseThrow().contains("'long.mp4' is no longer in the library"), job.toString());
            assertFalse(served.holds("long.mp4"));
            assertFalse(Files.exists(library.resolve(".ova-repo/media/" + id)), "nothing made for it is kept");
        }
    }

    @Test
    void aReplacedClipIsANewVideoUnderTheSamePathAndIsProcessedAgain() throws Exception {
        builtWith("a.mp4");
        try (Served served = serve(true)) {
            String before = served.at("a.mp4").id();
            clip("a.mp4", 200);
            served.changes().changed(Set.of("a.mp4"));

            String after = served.at("a.mp4").id();
            assertNotEquals(before, after);
            assertEquals(1, served.live().library().videos().size());
            assertEquals(JobState.DONE, served.finished(after).state());
            assertTrue(served.at("a.mp4").generated().thumbnail().isPresent());
            assertFalse(Files.exists(library.resolve(".ova-repo/media/" + before)));
        }
    }

    @Test
    void addedReturnsTheIdHonoursTheUploadsDraftAndASecondReportChangesNothing() throws Exception {
        builtWith("a.mp4");
        try (Served served = serve(false)) {
            LibraryLayout layout = new LibraryLayout(library);
            DraftMetadata.write(layout, "up/cat.mp4", "My cat", List.of("pets"));
            clip("up/cat.mp4", 96);

            String id = served.changes().added("up/cat.mp4");

            LibraryVideo added = served.at("up/cat.mp4");
            assertEquals(id, added.id());
            assertTrue(added.metadata().draft());
            assertEquals("My cat", added.metadata().title());
            assertEquals(List.of("pets"), added.metadata().tags());
            assertFalse(libraryPage().contains("My cat"), "a draft stays off the site");
            Library now = served.editor().library();
            served.changes().changed(Set.of("up/cat.mp4"));
            assertEquals(id, served.changes().added("up/cat.mp4"));
            assertSame(now, served.editor().library(), "the watcher's late report changes nothing");
        }
    }

    @Test
    void theUploadAndTheWatcherReportingTheSameFileAtOnceTakeItInOnce() throws Exception {
        builtWith("a.mp4");
        try (Served served = serve(false)) {
            clip("both.mp4", 96);
            CompletableFuture<Void> watcher =
                    CompletableFuture.runAsync(() -> served.changes().changed(Set.of("both.mp4")));
            String id = served.changes().added("both.mp4");
            watcher.join();

            assertEquals(id, served.at("both.mp4").id());
            assertEquals(2, served.live().library().videos().size());
        }
    }

    @Test
    void aFileTheScanDoesNotTakeIsRefusedWithTheReasonAndIgnoredByTheWatcher() throws Exception {
        builtWith("a.mp4");
        try (Served served = serve(false)) {
            Files.writeString(library.resolve("notes.txt"), "not a video");
            Library before = served.editor().library();
            served.changes().changed(Set.of("notes.txt"));
            assertSame(before, served.editor().library());

            IllegalArgumentException refused = assertThrows(
                    IllegalArgumentException.class, () -> served.changes().added("notes.txt"));
            assertTrue(refused.getMessage().contains("'notes.txt' is not a video"), refused.getMessage());
            Files.copy(library.resolve("a.mp4"), library.resolve("copy.mp4"));
            IllegalArgumentException duplicate = assertThrows(
                    IllegalArgumentException.class, () -> served.changes().added("copy.mp4"));
            assertTrue(duplicate.getMessage().contains("same content as 'a.mp4'"), duplicate.getMessage());
        }
    }

    @Test
    void removedForgetsTheVideoOfADeletedFile() throws Exception {
        builtWith("a.mp4", "b.mp4");
        try (Served served = serve(false)) {
            Files.delete(library.resolve("b.mp4"));
            served.changes().removed("b.mp4");
            assertFalse(served.holds("b.mp4"));
            assertEquals(1, served.live().library().videos().size());
        }
    }
}
