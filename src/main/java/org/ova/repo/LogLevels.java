package org.ova.repo;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;

/**
 * The log vocabulary every package shares so console lines take the shape users asked for:
 * {@code [INFO] …}, {@code [ERROR] …}, {@code [SUCCESS] …} and bare {@code --- Processing video: x ---} headers.
 */
public final class LogLevels {

    /** A video or command finished well; shown at the default verbosity, hidden by {@code --quiet}. */
    public static final Level SUCCESS = Level.forName("SUCCESS", 350);

    /** Lines printed without a {@code [LEVEL]} prefix on the console, such as per-video headers. */
    public static final Marker PLAIN = MarkerManager.getMarker("PLAIN");

    private LogLevels() {}
}
