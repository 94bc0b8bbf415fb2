package org.ova.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.ova.repo.metadata.TimeCode;
import org.ova.site.render.internal.ScriptJson;

/** How numbers are shown on the site: durations, sizes, ratings, dates. */
public final class Formats {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Formats() {}

    /** A player-style clock: {@code 0:05}, {@code 1:05}, {@code 1:02:03}; whole seconds, rounded down. */
    public static String duration(double seconds) {
        return TimeCode.clock(Double.isFinite(seconds) && seconds > 0 ? (long) Math.floor(seconds) : 0);
    }

    /**
     * How long a video is, as a clock rounded up to whole seconds: a 0.8 s clip is {@code 0:01}, never
     * {@code 0:00}. Points in time (chapters, markers) use {@link #duration}, which rounds down as players do.
     */
    public static String length(double seconds) {
        return TimeCode.clock(Double.isFinite(seconds) && seconds > 0 ? (long) Math.ceil(seconds - 1e-6) : 0);
    }

    /** A library's total running time in words: {@code 45 s}, {@code 12 min}, {@code 3 h 12 min}. */
    public static String totalDuration(double seconds) {
        long total = Double.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
        if (total < 60) {
            return total + " s";
        }
        long minutes = total / 60;
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    /** Five stars, filled up to {@code rating}; empty text for unrated (0). */
    public static String stars(int rating) {
        if (rating <= 0) {
            return "";
        }
        int filled = Math.min(rating, 5);
        return "★".repeat(filled) + "☆".repeat(5 - filled);
    }

    /** Bytes in decimal units with one decimal: {@code 999 B}, {@code 1.5 kB}, {@code 12.3 MB}. */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        long tenths = Math.round(value * 10);
        return tenths / 10 + "." + tenths % 10 + " " + units[unit];
    }

    /** The UTC day, {@code 2024-05-01}. */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** Seconds for data files: whole numbers without a fraction, others with up to three decimals. */
    public static String seconds(double seconds) {
        return ScriptJson.number(seconds);
    }
}
