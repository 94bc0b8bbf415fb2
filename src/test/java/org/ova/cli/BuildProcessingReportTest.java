package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;

/** {@code ova build} on a library with one broken and one good clip: DESIGN.md §2 log lines for both, exit 1. */
class BuildProcessingReportTest {

    @TempDir
    Path library;

    @Test
    void aBrokenClipIsLoggedInItsBlockListedOnceAtTheEndAndTheGoodOneIsProcessed() throws IOException {
        TestClips.withLocatedFfmpeg().clip(library.resolve("good clip.mp4"), TestClips.Spec.of(1, 64, 36));
        byte[] garbage = new byte[20_000];
        new Random(5).nextBytes(garbage);
        Files.write(library.resolve("broken.mp4"), garbage);
        Path broken = library.toRealPath().resolve("broken.mp4");

        CliRun run = CliRun.of("build", library.toString());

        assertEquals(ExitCode.COMPLETED_WITH_FAILURES, run.exitCode(), run.out());
        String reason = "not a video ffprobe can read: " + broken + " (Invalid data found when processing input)";
        assertTrue(
                run.out()
                        .startsWith(
                                "[INFO] Created .ova-repo/config.yaml with every option and its default.\n"
                                        + "[INFO] Searching for videos...\n"
                                        + "[INFO] Found 2 videos.\n"
                                        + "--- Processing video: broken.mp4 ---\n"
                                        + "[INFO] Running video processor service...\n"
                                        + "[ERROR] Failed to probe 'broken.mp4'.\n"
                                        + "[INFO] Cancelling video processor service...\n"
                                        + "[INFO] Video processor service finished.\n"
                                        + "[INFO] Video data added to database.\n"
                                        + "[SUCCESS] Video 'broken.mp4' added to the library with a placeholder; it is retried on the next build.\n"),
                run.out());
        assertTrue(run.out().contains("""
                                --- Processing video: good clip.mp4 ---
                                [INFO] Running video processor service...
                                [INFO] VTTs generated for video 'good clip.mp4'.
                                [INFO] Thumbnail generated for 'good clip.mp4'.
                                [INFO] Preview generated for 'good clip.mp4'.
                                [INFO] Video processor service finished.
                                [INFO] Video data added to database.
                                [SUCCESS] Video 'good clip.mp4' successfully added to storage.
                                """), run.out());
        assertTrue(
                run.out()
                        .endsWith("[ERROR] Build finished with 1 problem:\n" + "[ERROR]   [probe] broken.mp4: " + reason
                                + "\n"),
                run.out());
        assertEquals(1, run.out().split("\\[probe] broken.mp4", -1).length - 1, run.out());
        assertEquals("", run.err());
    }
}
