package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegInstallation;

/**
 * A build killed with {@code kill -9} in the middle of a video: the next build stops the ffmpeg it
 * left running, removes its staging, and redoes only the unfinished video.
 */
class BuildKillTest {

    @TempDir
    Path library;

    @TempDir
    Path tools;

    @Test
    void aKilledBuildLeavesNoOrphanFfmpegNoStagingAndFinishedVideosAreNotRedone() throws Exception {
        FfmpegInstallation real = TestClips.installation();
        TestClips clips = new TestClips(real.ffmpeg());
        clips.clip(library.resolve("a.mp4"), TestClips.Spec.of(0.5, 64, 36));
        clips.clip(library.resolve("b.mp4"), TestClips.Spec.of(0.6, 64, 36));
        clips.clip(library.resolve("z-slow.mp4"), TestClips.Spec.of(40, 64, 36));
        SlowSpriteFfmpeg ffmpeg = SlowSpriteFfmpeg.install(tools, library, real, "z-slow");
        ChildBuild build = ChildBuild.start("build", library.toString());
        ProcessHandle slow = ffmpeg.awaitRunning(
                build, output -> output.stream().anyMatch(line -> line.contains("Video 'b.mp4' successfully")));
        build.kill();
        assertTrue(slow.isAlive(), "the orphan ffmpeg outlives the killed build");
        assertTrue(
                build.output().stream().anyMatch(line -> line.contains("Video 'b.mp4' successfully added")),
                build.output().toString());

        ffmpeg.makeFast();
        CliRun rerun = CliRun.of("build", library.toString());
        // it would read for 40 s on its own: gone within 10 s means it was stopped
        slow.onExit().get(10, TimeUnit.SECONDS);
        assertFalse(slow.isAlive(), "the orphan ffmpeg was stopped");
        assertEquals(ExitCode.OK, rerun.exitCode(), rerun.out());
        assertEquals(
                List.of("--- Processing video: z-slow.mp4 ---"),
                rerun.out()
                        .lines()
                        .filter(line -> line.startsWith("--- Processing video"))
                        .toList(),
                rerun.out());
        assertTrue(
                rerun.out().contains("Stopped ffmpeg (pid " + slow.pid() + ") left running by an interrupted build."),
                rerun.out());
        try (Stream<Path> staging = Files.walk(library.resolve(".ova-repo/staging"))) {
            assertEquals(List.of(library.resolve(".ova-repo/staging")), staging.toList());
        }
        try (Stream<Path> records = Files.list(library.resolve(".ova-repo/machine/ffmpeg-processes"))) {
            assertEquals(List.of(), records.toList());
        }
    }
}
