package org.ova.media.ffmpeg;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one place ova runs a process (ffprobe's JSON goes through Jaffree): from an argument list,
 * never a shell string, with the output drained on its own threads, and killed when it outlives its
 * time limit or the calling thread is interrupted, so a hung binary cannot hang ova. Every process
 * is announced to a {@link ProcessRecords} while it runs.
 *
 * <p>ffmpeg's steps are not run through Jaffree: it sleeps 100 ms after every command, five times
 * per video, which alone broke the "within 1.3× of the bare commands" budget on short videos, and its
 * stop request (typing {@code q} on stdin) does not reach an ffmpeg started with {@code -nostdin}.
 */
public final class CommandRunner {

    private static final long STOP_WAIT_MILLIS = 5_000;

    /** What a finished command printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {}

    /** How a streamed command ended: its exit code, or that it ran past the limit and was killed. */
    public record Exit(int exitCode, boolean timedOut) {}

    private final Duration limit;
    private final ProcessRecords records;

    public CommandRunner(Duration limit) {
        this(limit, ProcessRecords.NONE);
    }

    /** @param records where running processes are written down, so a killed ova's children can be stopped */
    public CommandRunner(Duration limit, ProcessRecords records) {
        this.limit = limit;
        this.records = records;
    }

    public Duration limit() {
        return limit;
    }

    /**
     * Runs {@code command} to its end, capturing what it prints.
     *
     * @throws FfmpegException when it cannot start or runs past the time limit
     */
    public Result run(List<String> command) {
        Process process;
        try {
            process = start(new ProcessBuilder(command), command);
        } catch (IOException e) {
            throw new FfmpegException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            CompletableFuture<String> stdout = drain(process.getInputStream());
            CompletableFuture<String> stderr = drain(process.getErrorStream());
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FfmpegException(command.get(0) + " did not finish within " + limit.toSeconds()
                        + " s (arguments: " + String.join(" ", command.subList(1, command.size())) + ")");
            }
            return new Result(process.exitValue(), stdout.get(), stderr.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FfmpegException("interrupted while running " + command.get(0), e);
        } catch (ExecutionException e) {
            throw new FfmpegException("cannot read the output of " + command.get(0) + ": " + e.getCause(), e);
        } finally {
            stop(process);
        }
    }

    /**
     * Runs {@code command}, handing every line it prints (standard output and error together) to
     * {@code lines} on another thread.
     *
     * @throws IOException          when it cannot start
     * @throws InterruptedException when the caller was interrupted; the process is killed first
     */
    public Exit stream(List<String> command, Consumer<String> lines) throws IOException, InterruptedException {
        Process process = start(new ProcessBuilder(command).redirectErrorStream(true), command);
        Thread reader = new Thread(() -> readLines(process.getInputStream(), lines), "ova-command-lines");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Exit(-1, true);
            }
            reader.join(STOP_WAIT_MILLIS);
            return new Exit(process.exitValue(), false);
        } finally {
            stop(process);
        }
    }

    private Process start(ProcessBuilder builder, List<String> command) throws IOException {
        Process process = builder.redirectInput(ProcessBuilder.Redirect.PIPE).start();
        records.started(process.toHandle(), command.get(0));
        process.getOutputStream().close();
        return process;
    }

    /** Kills the process if it still runs and waits (a little) until it is gone, so nothing writes after. */
    private void stop(Process process) {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        }
        records.ended(process.toHandle());
    }

    private static void readLines(InputStream in, Consumer<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException e) {
            // the process was killed: its output ends here
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (in) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        in.transferTo(bytes);
                        text.complete(bytes.toString(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        text.completeExceptionally(e);
                    }
                },
                "ova-command-output");
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}
