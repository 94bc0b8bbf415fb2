package org.ova.media.ffmpeg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ova.media.MediaException;

/**
 * Runs one ffmpeg command for one video, as an argument list (never a shell string). ffmpeg is
 * killed when the command takes too long or the calling thread is interrupted (Ctrl-C, a
 * cancelled build), and a failure becomes a {@link MediaException} whose message ends with
 * ffmpeg's own error line.
 *
 * <p>This runs the process directly rather than through Jaffree (which ova uses for ffprobe's
 * JSON): Jaffree sleeps 100 ms after every command, five times per video, which alone broke the
 * "within 1.3× of the bare commands" budget on short videos, and its stop request (typing
 * {@code q} on stdin) does not reach an ffmpeg started with {@code -nostdin}.
 */
public final class FfmpegRunner {

    private static final int REMEMBERED_LINES = 8;
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final Path ffmpeg;
    private final Duration limit;

    /**
     * @param ffmpeg the executable, e.g. {@link FfmpegInstallation#ffmpeg()}
     * @param limit  how long one command may run before it is killed
     */
    public FfmpegRunner(Path ffmpeg, Duration limit) {
        this.ffmpeg = ffmpeg;
        this.limit = limit;
    }

    public Path executable() {
        return ffmpeg;
    }

    /**
     * Runs {@code ffmpeg -hide_banner -nostdin -nostats -y ARGUMENTS}.
     *
     * @param video     the video this is for, named in errors
     * @param what      what the command makes, for messages ("sprites", "preview")
     * @param logLines  receives every line ffmpeg logs, from another thread
     * @throws MediaException when ffmpeg fails, times out or is interrupted
     */
    public void run(Path video, String what, List<String> arguments, Consumer<String> logLines) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-nostats", "-y"));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new MediaException(video, "could not start ffmpeg (" + ffmpeg + ") for " + what + ": " + e.getMessage(), e);
        }
        Deque<String> lastLines = new ArrayDeque<>();
        Thread reader = new Thread(() -> readLines(process, lastLines, logLines), "ffmpeg-log");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new MediaException(video, what + " took longer than " + limit.toSeconds() + " s; ffmpeg was stopped");
            }
            reader.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new MediaException(video, what + " was cancelled", e);
        }
        if (process.exitValue() != 0) {
            throw new MediaException(video, "ffmpeg failed making " + what + ": " + reason(lastLines, process.exitValue()));
        }
    }

    /** Runs a command whose log lines nobody needs. */
    public void run(Path video, String what, List<String> arguments) {
        run(video, what, arguments, line -> { });
    }

    private static void readLines(Process process, Deque<String> lastLines, Consumer<String> logLines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lastLines) {
                    if (lastLines.size() == REMEMBERED_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
                logLines.accept(line);
            }
        } catch (IOException e) {
            // the process was killed: its output ends here
        }
    }

    /** Kills ffmpeg and waits (a little) until it is gone, so nothing writes into its output after. */
    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }

    /** ffmpeg's most telling line: the first one that looks like an error (the cause), else the last line. */
    static String reason(Deque<String> lastLines, int exitCode) {
        synchronized (lastLines) {
            String best = null;
            for (String line : lastLines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (best == null && (lower.contains("error") || lower.contains("invalid") || lower.contains("no such")
                        || lower.contains("failed") || lower.contains("not "))) {
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
