package org.ova.media.ffmpeg;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.ova.media.MediaException;

/**
 * Runs one ffmpeg command for one video through the {@link CommandRunner}: ffmpeg is killed when
 * the command takes too long or the calling thread is interrupted (Ctrl-C, a cancelled build), and
 * a failure becomes a {@link MediaException} whose message ends with ffmpeg's own error line. A full
 * disk is named as such, even when ffmpeg exits 0 after failing to finish its output (5.1 does).
 */
public final class FfmpegRunner {

    private static final int REMEMBERED_LINES = 8;

    private final Path ffmpeg;
    private final CommandRunner runner;

    /**
     * @param ffmpeg the executable, e.g. {@link FfmpegInstallation#ffmpeg()}
     * @param limit  how long one command may run before it is killed
     */
    public FfmpegRunner(Path ffmpeg, Duration limit) {
        this(ffmpeg, new CommandRunner(limit));
    }

    public FfmpegRunner(Path ffmpeg, CommandRunner runner) {
        this.ffmpeg = ffmpeg;
        this.runner = runner;
    }

    public Path executable() {
        return ffmpeg;
    }

    /**
     * Runs {@code ffmpeg -hide_banner -nostdin -nostats -y ARGUMENTS}; the last argument is the output.
     *
     * @param video     the video this is for, named in errors
     * @param what      what the command makes, for messages ("sprites", "preview")
     * @param logLines  receives every line ffmpeg logs, from another thread
     * @throws MediaException when ffmpeg fails, times out or is interrupted
     */
    public void run(Path video, String what, List<String> arguments, Consumer<String> logLines) {
        List<String> command =
                new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-nostats", "-y"));
        command.addAll(arguments);
        Deque<String> lastLines = new ArrayDeque<>();
        AtomicBoolean unfinished = new AtomicBoolean();
        AtomicBoolean full = new AtomicBoolean();
        CommandRunner.Exit exit;
        try {
            exit = runner.stream(command, line -> {
                synchronized (lastLines) {
                    if (lastLines.size() == REMEMBERED_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
                if (DiskSpace.reportsUnfinishedOutput(line)) {
                    unfinished.set(true);
                    full.compareAndSet(false, DiskSpace.reportsFull(line));
                }
                logLines.accept(line);
            });
        } catch (IOException e) {
            throw new MediaException(
                    video, "could not start ffmpeg (" + ffmpeg + ") for " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(video, what + " was cancelled", e);
        }
        if (exit.timedOut()) {
            throw new MediaException(
                    video, what + " took longer than " + runner.limit().toSeconds() + " s; ffmpeg was stopped");
        }
        Path outputDir = outputDir(arguments);
        if (full.get() || (unfinished.get() && DiskSpace.nearlyFull(outputDir))) {
            throw new MediaException(video, DiskSpace.fullMessage(outputDir));
        }
        if (exit.exitCode() != 0 || unfinished.get()) {
            throw new MediaException(video, "ffmpeg failed making " + what + ": " + reason(lastLines, exit.exitCode()));
        }
    }

    /** Runs a command whose log lines nobody needs. */
    public void run(Path video, String what, List<String> arguments) {
        run(video, what, arguments, line -> {});
    }

    /** The folder of the output file, ffmpeg's last argument. */
    private static Path outputDir(List<String> arguments) {
        Path output = Path.of(arguments.get(arguments.size() - 1)).toAbsolutePath();
        return output.getParent() == null ? output : output.getParent();
    }

    /** ffmpeg's most telling line: the first one that looks like an error (the cause), else the last line. */
    static String reason(Deque<String> lastLines, int exitCode) {
        synchronized (lastLines) {
            String best = null;
            for (String line : lastLines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (best == null
                        && (lower.contains("error")
                                || lower.contains("invalid")
                                || lower.contains("no such")
                                || lower.contains("failed")
                                || lower.contains("not "))) {
                    best = line;
                }
            }
            if (best == null) {
                best = lastLines.isEmpty() ? "exit code " + exitCode : lastLines.peekLast();
            }
            return best.replaceAll("^(\\[[^]]*] )+", "").trim();
        }
    }
}
