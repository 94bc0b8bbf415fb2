package org.ova.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.MediaException;
import org.ova.media.TestClips;

class FfmpegRunnerTest {

    @TempDir
    Path dir;

    private final FfmpegRunner runner =
            new FfmpegRunner(TestClips.installation().ffmpeg(), Duration.ofSeconds(30));

    @Test
    void aFailingCommandNamesFfmpegsOwnReasonOnOneLine() {
        Path missing = dir.resolve("missing.mp4");
        MediaException e = assertThrows(
                MediaException.class,
                () -> runner.run(
                        missing,
                        "a thumbnail",
                        List.of(
                                "-i",
                                missing.toString(),
                                "-frames:v",
                                "1",
                                dir.resolve("out.jpg").toString())));
        // ffmpeg 7: "Error opening input: No such file or directory"; 5.1: "<path>: No such file or directory"
        assertTrue(e.getMessage().startsWith("ffmpeg failed making a thumbnail: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": No such file or directory"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(missing, e.file());
    }

    @Test
    void everyLogLineReachesTheListener() {
        List<String> lines = new CopyOnWriteArrayList<>();
        runner.run(
                dir,
                "a test",
                List.of("-f", "lavfi", "-i", "color=s=32x32:d=0.2", "-vf", "showinfo", "-f", "null", "-"),
                lines::add);
        assertEquals(
                5, lines.stream().filter(line -> line.contains("pts_time:")).count(), String.join("\n", lines));
    }

    @Test
    void aCommandPastItsTimeLimitIsKilled() {
        FfmpegRunner quick = new FfmpegRunner(TestClips.installation().ffmpeg(), Duration.ofMillis(300));
        long start = System.nanoTime();
        MediaException e = assertThrows(
                MediaException.class,
                () -> quick.run(
                        dir,
                        "an endless stream",
                        List.of("-re", "-f", "lavfi", "-i", "color=s=32x32", "-f", "null", "-")));
        assertTrue(e.getMessage().startsWith("an endless stream took longer than 0 s"), e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "killed promptly");
    }

    @Test
    void interruptingTheCallerKillsFfmpegAndSaysCancelled() throws Exception {
        Thread.currentThread().interrupt();
        MediaException e = assertThrows(
                MediaException.class,
                () -> runner.run(
                        dir, "a preview", List.of("-re", "-f", "lavfi", "-i", "color=s=32x32", "-f", "null", "-")));
        assertEquals("a preview was cancelled", e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertFalse(ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive), "no ffmpeg left running");
    }
}
