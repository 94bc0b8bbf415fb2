package org.ova.media.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.ova.repo.LogLevels;

/**
 * The log lines of one video, kept until the video is done and then written together, so that
 * parallel jobs never interleave their lines on the console or in {@code ova.log}.
 */
public final class VideoLog {

    private record Line(Level level, String message, Throwable cause) {}

    private final List<Line> lines = new ArrayList<>();

    public synchronized void info(String message) {
        lines.add(new Line(Level.INFO, message, null));
    }

    public synchronized void debug(String message) {
        lines.add(new Line(Level.DEBUG, message, null));
    }

    public synchronized void warn(String message) {
        lines.add(new Line(Level.WARN, message, null));
    }

    public synchronized void error(String message, Throwable cause) {
        lines.add(new Line(Level.ERROR, message, cause));
    }

    public synchronized void success(String message) {
        lines.add(new Line(LogLevels.SUCCESS, message, null));
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
