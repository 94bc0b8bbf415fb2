package org.ova.media.vtt;

import java.util.List;

/**
 * Writes WebVTT files (the format players read for scrub thumbnails and chapter tracks).
 * Times are written as {@code HH:MM:SS.mmm}, rounded to the millisecond.
 */
public final class WebVttWriter {

    private WebVttWriter() {}

    public static String write(List<WebVttCue> cues) {
        StringBuilder text = new StringBuilder("WEBVTT\n");
        for (WebVttCue cue : cues) {
            text.append('\n')
                    .append(timestamp(cue.start()))
                    .append(" --> ")
                    .append(timestamp(cue.end()))
                    .append('\n')
                    .append(cue.text())
                    .append('\n');
        }
        return text.toString();
    }

    /** {@code 3723.5} → {@code 01:02:03.500}. */
    public static String timestamp(double seconds) {
        long millis = Math.round(seconds * 1000);
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long secs = millis / 1000 % 60;
        return String.format("%02d:%02d:%02d.%03d", hours, minutes, secs, millis % 1000);
    }
}
