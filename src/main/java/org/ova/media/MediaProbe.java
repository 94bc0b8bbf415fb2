package org.ova.media;

import com.github.kokorin.jaffree.JaffreeException;
import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.ffprobe.FFprobe;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.log.LogMessage;
import com.github.kokorin.jaffree.process.JaffreeAbnormalExitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Probes a video with ffprobe (through Jaffree): duration, codecs, displayed size, rotation,
 * chapters and VR side data. Anything that is not a readable video becomes a {@link MediaException}
 * whose message names the file, so one bad file can be reported and skipped.
 */
public final class MediaProbe {

    private final Path ffprobe;
    private final Duration limit;

    /**
     * @param ffprobe the ffprobe executable, e.g. {@code FfmpegInstallation.ffprobe()}
     * @param limit how long one probe may take before ffprobe is killed
     */
    public MediaProbe(Path ffprobe, Duration limit) {
        this.ffprobe = ffprobe;
        this.limit = limit;
    }

    public MediaProbe(Path ffprobe) {
        this(ffprobe, Duration.ofSeconds(60));
    }

    /**
     * Probes {@code file} with ffprobe, adding the keyframe interval.
     *
     * @throws MediaException when the file is missing, empty, unreadable, or has no video stream
     */
    public ProbeResult probe(Path file) {
        checkReadable(file);
        ProbeResult result = ProbeResultMapper.map(file, run(file));
        return result.withKeyframeInterval(KeyframeInterval.estimate(ffprobe, file, result.durationSeconds(), limit));
    }

    private static void checkReadable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MediaException(file, "cannot probe " + file + ": no such file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new MediaException(file, "not a video: " + file + " is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw new MediaException(file, "cannot probe " + file + ": " + e.getMessage(), e);
        }
    }

    private FFprobeResult run(Path file) {
        Future<FFprobeResult> running = new FFprobe(ffprobe)
                .setShowFormat(true)
                .setShowStreams(true)
                .setShowChapters(true)
                .setLogLevel(LogLevel.ERROR)
                .setInput(file)
                .executeAsync();
        try {
            return running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true); // interrupts Jaffree's thread, which kills ffprobe
            throw new MediaException(
                    file, "cannot probe " + file + ": ffprobe took longer than " + limit.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new MediaException(file, "cannot probe " + file + ": interrupted", e);
        } catch (ExecutionException e) {
            throw failure(file, e.getCause());
        }
    }

    private MediaException failure(Path file, Throwable cause) {
        if (cause instanceof JaffreeAbnormalExitException exit) {
            return new MediaException(
                    file, "not a video ffprobe can read: " + file + " (" + lastError(file, exit) + ")", exit);
        }
        if (cause instanceof JaffreeException) {
            return new MediaException(
                    file, "cannot probe " + file + " with " + ffprobe + ": " + cause.getMessage(), cause);
        }
        return new MediaException(file, "cannot probe " + file + ": " + cause, cause);
    }

    /** ffprobe's last complaint, without the file name it repeats at the front. */
    private static String lastError(Path file, JaffreeAbnormalExitException exit) {
        List<LogMessage> messages = exit.getProcessErrorLogMessages();
        if (messages == null || messages.isEmpty()) {
            return "ffprobe failed";
        }
        // ffprobe's lines carry tags such as "[error]" or "[mov,mp4,... @ 0x55e...]" in front
        String message = messages.get(messages.size() - 1).message.strip().replaceFirst("^(\\[[^]]*]\\s*)+", "");
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
