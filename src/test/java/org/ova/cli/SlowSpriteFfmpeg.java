package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.ova.media.ffmpeg.FfmpegInstallation;

/**
 * An ffmpeg wrapper for the kill tests: one video's sprites are read at the video's own pace ({@code -re}),
 * so that ffmpeg is still running when the test kills ova; set as the library's {@code ffmpeg.path}.
 */
final class SlowSpriteFfmpeg {

    private final Path wrapper;
    private final FfmpegInstallation real;
    private final String slowVideo;

    private SlowSpriteFfmpeg(Path wrapper, FfmpegInstallation real, String slowVideo) {
        this.wrapper = wrapper;
        this.real = real;
        this.slowVideo = slowVideo;
    }

    /** Writes the wrapper into {@code tools} and the library's config that uses it, with {@code parallel: 1}. */
    static SlowSpriteFfmpeg install(Path tools, Path library, FfmpegInstallation real, String slowVideo)
            throws IOException {
        Path ffmpeg = tools.resolve("ffmpeg");
        Files.writeString(
                ffmpeg,
                "#!/bin/sh\ncase \"$*\" in *" + slowVideo + "*sprite-*) exec '" + real.ffmpeg()
                        + "' -re \"$@\";; esac\nexec '" + real.ffmpeg() + "' \"$@\"\n");
        assertTrue(ffmpeg.toFile().setExecutable(true));
        Files.createDirectories(library.resolve(".ova-repo"));
        Files.writeString(
                library.resolve(".ova-repo/config.yaml"),
                "ffmpeg:\n  path: " + ffmpeg + "\n  ffprobePath: " + real.ffprobe() + "\nprocessing:\n  parallel: 1\n");
        return new SlowSpriteFfmpeg(ffmpeg, real, slowVideo);
    }

    /** From now on every video goes at full speed (the rerun after the kill). */
    void makeFast() throws IOException {
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + real.ffmpeg() + "' \"$@\"\n");
    }

    /**
     * The slow sprites ffmpeg of {@code ova}, once it runs and {@code ready} holds for ova's output so far.
     *
     * @throws AssertionError when ova ended or a minute passed first
     */
    ProcessHandle awaitRunning(ChildBuild ova, Predicate<List<String>> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && ova.process().isAlive()) {
            Optional<ProcessHandle> slow = ova.process()
                    .descendants()
                    .filter(process -> process.info().commandLine().orElse("").contains(slowVideo))
                    .filter(process -> process.info().commandLine().orElse("").contains("sprite-%d.jpg"))
                    .filter(process -> process.info().command().orElse("").contains("ffmpeg"))
                    .findFirst();
            if (slow.isPresent() && ready.test(ova.output())) {
                return slow.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the slow ffmpeg was never seen running; output: " + ova.output());
    }
}
