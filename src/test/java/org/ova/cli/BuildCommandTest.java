package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;

class BuildCommandTest {

    @TempDir
    Path library;

    @TempDir
    static Path clipCache;

    /** Puts a real tiny clip at {@code path}; clips with the same {@code content} word are identical. */
    private void video(String path, String content) throws IOException {
        Path clip = clipCache.resolve(content + ".mp4");
        if (!Files.exists(clip)) {
            // a distinct length per word gives distinct bytes
            double seconds = 0.4 + Math.floorMod(content.hashCode(), 10) / 10.0;
            TestClips.withLocatedFfmpeg().clip(clip, TestClips.Spec.of(seconds, 64, 36));
        }
        Path file = library.resolve(path);
        Files.createDirectories(file.getParent());
        Files.copy(clip, file);
    }

    @Test
    void firstBuildInitializesTheLibraryAndCreatesMetadataFiles() throws IOException {
        video("trips/beach_day.mp4", "beach");
        CliRun run = CliRun.of("build", library.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.out());
        assertTrue(run.out().contains("[INFO] Searching for videos...\n[INFO] Found 1 video.\n"), run.out());
        assertTrue(run.out().contains("""
                                --- Processing video: trips/beach_day.mp4 ---
                                [INFO] Running video processor service...
                                [INFO] VTTs generated for video 'trips/beach_day.mp4'.
                                [INFO] Thumbnail generated for 'trips/beach_day.mp4'.
                                [INFO] Preview generated for 'trips/beach_day.mp4'.
                                [INFO] Video processor service finished.
                                [INFO] Video data added to database.
                                [SUCCESS] Video 'trips/beach_day.mp4' successfully added to storage.
                                """), run.out());
        assertTrue(run.out().endsWith("[SUCCESS] Build finished.\n"), run.out());
        assertTrue(Files.isRegularFile(library.resolve(".ova-repo/config.yaml")));
        assertTrue(Files.readString(library.resolve(".ova-repo/metadata/trips/beach_day.mp4.yaml"))
                .contains("title: Beach day"));
        String log = Files.readString(library.resolve(".ova-repo/logs/ova.log"));
        assertTrue(log.matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*Found 1 video\\..*"), log);
    }

    @Test
    void brokenMetadataIsReportedWithItsPositionAndTheBuildGoesOnWithExitOne() throws IOException {
        video("a.mp4", "a");
        video("b.mp4", "b");
        Path metadata = library.resolve(".ova-repo/metadata/a.mp4.yaml");
        Files.createDirectories(metadata.getParent());
        Files.writeString(metadata, "title: A\nrating: 7\n");
        CliRun run = CliRun.of("build", library.toString());
        assertEquals(ExitCode.COMPLETED_WITH_FAILURES, run.exitCode());
        assertTrue(run.out().contains("[INFO] Found 2 videos."), run.out());
        assertTrue(
                run.out()
                        .contains("[ERROR] Build finished with 1 problem:\n[ERROR]   [metadata] a.mp4: "
                                + ".ova-repo/metadata/a.mp4.yaml:2:9: expected a number from 0 to 5, found 7"
                                + " (held back from the site until fixed)\n"),
                run.out());
        assertTrue(Files.isRegularFile(library.resolve(".ova-repo/metadata/b.mp4.yaml")), "b still processed");
        assertEquals("title: A\nrating: 7\n", Files.readString(metadata), "the person's file is untouched");
    }

    @Test
    void invalidConfigStopsTheBuildWithItsPositionAndExitTwo() throws IOException {
        video("a.mp4", "a");
        Path config = library.resolve(".ova-repo/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "processing:\n  hwaccel: gpu\n");
        CliRun run = CliRun.of("build", library.toString());
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, run.exitCode());
        assertTrue(
                run.err()
                        .startsWith(
                                "ova: " + config + ":2:12: 'gpu' is not allowed here; use one of: auto, cuda, none"),
                run.err());
        assertFalse(Files.exists(library.resolve(".ova-repo/metadata/a.mp4.yaml")), "nothing was done");
        String log = Files.readString(library.resolve(".ova-repo/logs/ova.log"));
        assertTrue(log.contains(config + ":2:12: 'gpu' is not allowed here; use one of: auto, cuda, none"), log);
    }

    @Test
    void duplicatesAreWarnedAboutOnceAndNotCountedTwice() throws IOException {
        video("one.mp4", "same bytes");
        video("copy/one again.mp4", "same bytes");
        CliRun run = CliRun.of("build", library.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.out());
        assertTrue(run.out().contains("[INFO] Found 1 video."), run.out());
        assertTrue(
                run.out().contains("[WARN] 'one.mp4' has the same content as 'copy/one again.mp4'; listed once"),
                run.out());
    }

    @Test
    void aPlaylistNamingAMissingVideoIsAProblem() throws IOException {
        video("a.mp4", "a");
        Path playlist = library.resolve(".ova-repo/playlists/mine.yaml");
        Files.createDirectories(playlist.getParent());
        Files.writeString(playlist, "title: Mine\nvideos:\n  - a.mp4\n  - gone.mp4\n");
        CliRun run = CliRun.of("build", library.toString());
        assertEquals(ExitCode.COMPLETED_WITH_FAILURES, run.exitCode());
        assertTrue(
                run.out()
                        .contains("[playlists] .ova-repo/playlists/mine.yaml: lists 'gone.mp4', which is not"
                                + " in the library"),
                run.out());
    }

    @Test
    void quietShowsOnlyProblems() throws IOException {
        video("a.mp4", "a");
        CliRun run = CliRun.of("build", "-q", library.toString());
        assertEquals(ExitCode.OK, run.exitCode());
        assertEquals("", run.out());
    }

    @Test
    void withBatchOffOnlyTheVideosNamedWithOnlyAreProcessed() throws IOException {
        video("a.mp4", "a");
        video("b.mp4", "b");
        Path config = library.resolve(".ova-repo/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "processing:\n  batch: false\n");

        CliRun none = CliRun.of("build", library.toString());
        assertEquals(ExitCode.OK, none.exitCode(), none.out());
        assertFalse(none.out().contains("--- Processing video"), none.out());

        CliRun one = CliRun.of("build", "--only", library.resolve("b.mp4").toString(), library.toString());
        assertEquals(ExitCode.OK, one.exitCode(), one.out());
        assertTrue(one.out().contains("--- Processing video: b.mp4 ---"), one.out());
        assertFalse(one.out().contains("--- Processing video: a.mp4 ---"), one.out());
    }

    @Test
    void onlyNamingAFileOutsideTheLibraryIsAUsageError() {
        CliRun run = CliRun.of("build", "--only", "/etc/hostname", library.toString());
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, run.exitCode());
        assertTrue(run.err().startsWith("ova: --only /etc/hostname is not inside the library"), run.err());
    }
}
