package org.ova.repo.metadata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ova.repo.yaml.YamlNode;
import org.ova.repo.yaml.YamlProblem;

/**
 * Times inside a video as a person writes them: plain seconds ({@code 42}, {@code 42.5}) or
 * clock form ({@code 1:05}, {@code 1:05.5}, {@code 1:02:03.250}). Minutes and seconds in clock form
 * must be below 60; the leading part may be any size.
 *
 * <p>{@link #format} writes the shortest clock form, {@code m:ss} or {@code h:mm:ss}, and adds
 * exactly three digits of milliseconds only when the time, rounded to the millisecond, has some:
 * 65.5 s is {@code 1:05.500}, 65 s is {@code 1:05}.
 */
public final class TimeCode {

    private static final Pattern FORM = Pattern.compile("(\\d+)(?::(\\d{1,2}))?(?::(\\d{1,2}))?(\\.\\d+)?");

    private TimeCode() {}

    /** The seconds written at {@code node}, or a problem there saying what a time looks like. */
    public static double read(YamlNode node) {
        if (!node.isScalar()) {
            throw node.problem("expected a time such as 42, 1:05 or 1:02:03.5, found "
                    + (node.isMap() ? "a mapping" : node.isList() ? "a list" : "nothing"));
        }
        try {
            return parse(node.asString());
        } catch (IllegalArgumentException e) {
            throw node.problem(e.getMessage());
        }
    }

    /**
     * Seconds from {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong, for use as a {@link YamlProblem} reason
     */
    public static double parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("-")) {
            throw new IllegalArgumentException("time '" + trimmed + "' is negative; times count from 0:00");
        }
        Matcher m = FORM.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + trimmed + "' is not a time; write seconds (42, 42.5) or m:ss, h:mm:ss (1:05, 1:02:03.5)");
        }
        double fraction = m.group(4) == null ? 0 : Double.parseDouble("0" + m.group(4));
        long first = parseLong(m.group(1), trimmed);
        if (m.group(2) == null) {
            return first + fraction;
        }
        if (m.group(3) == null) {
            long seconds = belowSixty(m.group(2), "seconds", trimmed);
            return first * 60 + seconds + fraction;
        }
        long minutes = belowSixty(m.group(2), "minutes", trimmed);
        long seconds = belowSixty(m.group(3), "seconds", trimmed);
        return first * 3600 + minutes * 60 + seconds + fraction;
    }

    /** The shortest clock form of {@code seconds}, rounded to the millisecond (see the class comment). */
    public static String format(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("cannot write " + seconds + " as a time");
        }
        long millis = Math.round(seconds * 1000);
        String clock = clock(millis / 1000);
        long fraction = millis % 1000;
        // 1000 + fraction has the milliseconds as its last three digits, zeros included
        return fraction == 0
                ? clock
                : clock + "." + Long.toString(1000 + fraction).substring(1);
    }

    /**
     * Whole seconds as a player-style clock: {@code 0:05}, {@code 1:05}, {@code 1:02:03}. Written by
     * hand, not with {@code String.format}, which costs microseconds a call (the site shows several
     * clocks for each of thousands of videos) and would use the default locale's digits.
     */
    public static String clock(long totalSeconds) {
        long hours = totalSeconds / 3600;
        StringBuilder clock = new StringBuilder(8);
        if (hours > 0) {
            twoDigits(clock.append(hours).append(':'), totalSeconds / 60 % 60);
        } else {
            clock.append(totalSeconds / 60);
        }
        return twoDigits(clock.append(':'), totalSeconds % 60).toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, long value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static long belowSixty(String digits, String what, String text) {
        long value = Long.parseLong(digits);
        if (value >= 60) {
            throw new IllegalArgumentException(
                    "time '" + text + "' has " + value + " " + what + "; " + what + " go up to 59");
        }
        return value;
    }

    private static long parseLong(String digits, String text) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time '" + text + "' is too large");
        }
    }
}
