package org.ova.media.sprites;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the presentation times of the frames that passed ffmpeg's {@code showinfo} filter from its
 * log lines, so scrub cues can name the time each tiled picture was really taken.
 *
 * <p>showinfo logs one line per frame ({@code n: 3 pts: 76800 pts_time:3 ...}, after a
 * {@code [info]} level tag when ffmpeg runs with {@code -loglevel level+info}) plus detail lines
 * (color range, side data) that carry no {@code pts_time}; only the frame lines count. A frame
 * without a timestamp ({@code pts_time:NOPTS}) is kept as {@link Double#NaN} so that later frames
 * still line up with their tiles.
 */
public final class ShowinfoParser {

    private static final Pattern FRAME_LINE = Pattern.compile(
            "\\[Parsed_showinfo_\\d+ @ [^]]*](?:\\s*\\[[a-z]+])?\\s+n:\\s*(\\d+)\\s.*?\\bpts_time:(\\S+)");

    private ShowinfoParser() {}

    /** The frame times in seconds, in the order the frames were logged. */
    public static List<Double> frameTimes(List<String> logLines) {
        List<Double> times = new ArrayList<>();
        for (String line : logLines) {
            frameTime(line).ifPresent(times::add);
        }
        return times;
    }

    /** The time of the frame this line reports, when it is a showinfo frame line. */
    public static Optional<Double> frameTime(String line) {
        Matcher matcher = FRAME_LINE.matcher(line);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(matcher.group(2)));
        } catch (NumberFormatException e) {
            return Optional.of(Double.NaN);
        }
    }
}
