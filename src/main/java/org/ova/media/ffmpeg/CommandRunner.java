package org.ova.media.ffmpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived command from an argument list (never a shell string) and captures its output.
 * A command that outlives its time limit is killed, so a hung binary cannot hang ova.
 */
public final class CommandRunner {

    /** What a finished command printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private final Duration limit;

    public CommandRunner(Duration limit) {
        this.limit = limit;
    }

    /**
     * Runs {@code command} to its end.
     *
     * @throws FfmpegException when it cannot start or runs past the time limit
     */
    public Result run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new FfmpegException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            // both pipes drain on their own threads: a full pipe would otherwise block the process,
            // and a hung process must not block us past the limit
            CompletableFuture<String> stdout = drain(process.getInputStream());
            CompletableFuture<String> stderr = drain(process.getErrorStream());
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FfmpegException(command.get(0) + " did not finish within " + limit.toSeconds()
                        + " s (arguments: " + String.join(" ", command.subList(1, command.size())) + ")");
            }
            return new Result(process.exitValue(), stdout.get(), stderr.get());
        } catch (IOException e) {
            throw new FfmpegException("cannot talk to " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FfmpegException("interrupted while running " + command.get(0), e);
        } catch (ExecutionException e) {
            throw new FfmpegException("cannot read the output of " + command.get(0) + ": " + e.getCause(), e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                text.complete(bytes.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        }, "ova-command-output");
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}
