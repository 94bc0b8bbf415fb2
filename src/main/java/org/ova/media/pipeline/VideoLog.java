package org.ova.media.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.ova.repo.LogLevels;

/**
 * The log lines of one video, kept until the video is done and then written together, so that
 * parallel jobs never interleave their lines on the console or in {@code ova.log}. A
 * {@link ProcessingListener} hears each line (but debug ones) at once, and each step as it begins.
 */
public final class VideoLog {

    private record Line(Level level, String message, Throwable cause) {}

    private final List<Line> lines = new ArrayList<>();
    private final ProcessingListener listener;

    /** A log only printed when the video is done (a build). */
    public VideoLog() {
        this(ProcessingListener.NONE);
    }

    public VideoLog(ProcessingListener listener) {
        this.listener = listener;
    }

    /** The line that opens a video's block: {@code --- Processing video: PATH ---}. */
    public static String header(String path) {
        return "--- Processing video: " + path + " ---";
    }

    public void info(String message) {
        add(new Line(Level.INFO, message, null));
    }

    public void debug(String message) {
        add(new Line(Level.DEBUG, message, null));
    }

    public void warn(String message) {
        add(new Line(Level.WARN, message, null));
    }

    public void error(String message, Throwable cause) {
        add(new Line(Level.ERROR, message, cause));
    }

    public void success(String message) {
        add(new Line(LogLevels.SUCCESS, message, null));
    }

    /** Step {@code number} of {@code total}, which makes {@code name}, begins (for the listener only). */
    public void step(int number, int total, String name) {
        listener.step(number, total, name);
    }

    private void add(Line line) {
        synchronized (this) {
            lines.add(line);
        }
        if (line.level().isMoreSpecificThan(Level.INFO)) {
            listener.line("[" + line.level().name() + "] " + line.message());
        }
    }

    /** Writes the header and every line to {@code logger} in one block, then forgets them. */
    public void flush(Logger logger, String header) {
        synchronized (logger) {
            List<Line> copy;
            synchronized (this) {
                copy = List.copyOf(lines);
                lines.clear();
            }
            logger.info(LogLevels.PLAIN, header);
            for (Line line : copy) {
                logger.log(line.level(), line.message(), line.cause());
            }
        }
    }
}
