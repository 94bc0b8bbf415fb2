package org.ova.media.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running command whose standard output the caller reads as it comes (a trim streamed to a browser),
 * started from an argument list, never a shell. Closing it kills the process at once if it still runs:
 * the caller closes it when its reader goes away. What it prints on standard error is kept (its last
 * part) for the error message.
 */
public final class PipedCommand implements AutoCloseable {

    private static final int ERROR_TAIL_CHARS = 2_000;
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final Process process;
    private final ProcessRecords records;
    private final StringBuilder errors = new StringBuilder();
    private final Thread errorReader;

    private PipedCommand(Process process, ProcessRecords records) {
        this.process = process;
        this.records = records;
        this.errorReader = new Thread(this::readErrors, "ova-command-errors");
        errorReader.setDaemon(true);
        errorReader.start();
    }

    /**
     * Starts {@code command}, writing it down in {@code records} while it runs.
     *
     * @throws FfmpegException when the command cannot start
     */
    public static PipedCommand start(List<String> command, ProcessRecords records) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            records.started(process.toHandle(), command.get(0));
            process.getOutputStream().close();
            return new PipedCommand(process, records);
        } catch (IOException e) {
            throw new FfmpegException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** What the command writes to standard output. */
    public InputStream output() {
        return process.getInputStream();
    }

    /** Waits for the command to end by itself; its exit code. */
    public int waitFor() throws InterruptedException {
        int code = process.waitFor();
        errorReader.join(STOP_WAIT_MILLIS);
        return code;
    }

    /** The end of what it printed on standard error. */
    public String errors() {
        synchronized (errors) {
            return errors.toString().strip();
        }
    }

    /** The process, for callers that check it is gone. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Kills the command if it still runs and waits (a little) until it is gone. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        records.ended(process.toHandle());
    }

    private void readErrors() {
        try (InputStream in = process.getErrorStream()) {
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (errors) {
                    errors.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    if (errors.length() > ERROR_TAIL_CHARS) {
                        errors.delete(0, errors.length() - ERROR_TAIL_CHARS);
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed: its output ends here
        }
    }
}
