package org.ova.media.ffmpeg;

import com.github.kokorin.jaffree.JaffreeException;
import com.github.kokorin.jaffree.ffmpeg.FFmpeg;
import com.github.kokorin.jaffree.ffmpeg.FFmpegResultFuture;
import com.github.kokorin.jaffree.process.Stopper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.ova.media.MediaException;

/**
 * Runs one ffmpeg command (through Jaffree, with an argument list, never a shell string) for one
 * video. ffmpeg is killed when the command takes too long or the calling thread is interrupted
 * (Ctrl-C, a cancelled build), and a failure becomes a {@link MediaException} whose message ends
 * with ffmpeg's own last error line.
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
     * Runs {@code ffmpeg -hide_banner -nostdin -y ARGUMENTS}.
     *
     * @param video     the video this is for, named in errors
     * @param what      what the command makes, for messages ("sprites", "preview")
     * @param logLines  receives every line ffmpeg logs (not the progress lines)
     * @throws MediaException when ffmpeg fails, times out or is interrupted
     */
    public void run(Path video, String what, List<String> arguments, Consumer<String> logLines) {
        Deque<String> lastLines = new ArrayDeque<>();
        KillingStopper stopper = new KillingStopper();
        FFmpeg command = new FFmpeg(ffmpeg) {
            @Override
            protected Stopper createStopper() {
                return stopper;
            }
        }
                .addArgument("-hide_banner")
                .addArgument("-nostdin")
                .setOverwriteOutput(true)
                .setOutputListener(line -> {
                    remember(lastLines, line);
                    logLines.accept(line);
                });
        arguments.forEach(command::addArgument);
        FFmpegResultFuture running = command.executeAsync();
        try {
            running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop(running, stopper);
            throw new MediaException(video, what + " took longer than " + limit.toSeconds() + " s; ffmpeg was stopped", e);
        } catch (InterruptedException e) {
            stop(running, stopper);
            Thread.currentThread().interrupt();
            throw new MediaException(video, what + " was cancelled", e);
        } catch (ExecutionException e) {
            throw new MediaException(video, "ffmpeg failed making " + what + ": " + reason(lastLines, e.getCause()),
                    e.getCause());
        } catch (JaffreeException e) {
            throw new MediaException(video, "ffmpeg failed making " + what + ": " + reason(lastLines, e), e);
        }
    }

    /** Kills ffmpeg and waits (a little) until it is gone, ignoring a second interruption. */
    private static void stop(FFmpegResultFuture running, KillingStopper stopper) {
        running.forceStop();
        try {
            stopper.awaitExit(STOP_WAIT_MILLIS);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a command whose log lines nobody needs. */
    public void run(Path video, String what, List<String> arguments) {
        run(video, what, arguments, line -> { });
    }

    private static void remember(Deque<String> lines, String line) {
        synchronized (lines) {
            if (lines.size() == REMEMBERED_LINES) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    /** ffmpeg's most telling line: the first one that looks like an error (the cause), else the last line. */
    static String reason(Deque<String> lastLines, Throwable failure) {
        synchronized (lastLines) {
            String best = null;
            for (String line : lastLines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (best == null && (lower.contains("error") || lower.contains("invalid") || lower.contains("no such")
                        || lower.contains("failed") || lower.contains("not "))) {
                    best = line;
                }
            }
            if (best == null && !lastLines.isEmpty()) {
                best = lastLines.peekLast();
            }
            if (best == null) {
                best = failure == null || failure.getMessage() == null ? "unknown error" : failure.getMessage();
            }
            return best.replaceAll("^(\\[[^]]*] )+", "").trim();
        }
    }
}
