package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void durationIsAPlayerClockRoundedDown() {
        assertEquals("0:00", Formats.duration(0));
        assertEquals("0:05", Formats.duration(5.9));
        assertEquals("1:05", Formats.duration(65));
        assertEquals("59:59", Formats.duration(3599));
        assertEquals("1:02:03", Formats.duration(3723.5));
        assertEquals("0:00", Formats.duration(Double.NaN));
    }

    @Test
    void lengthRoundsUpSoAShortClipNeverShowsZero() {
        assertEquals("0:01", Formats.length(0.8));
        assertEquals("0:05", Formats.length(5));
        assertEquals("0:06", Formats.length(5.1));
        assertEquals("1:02:04", Formats.length(3723.5));
        assertEquals("0:00", Formats.length(0));
        assertEquals("0:00", Formats.length(Double.NaN));
    }

    @Test
    void totalDurationInWords() {
        assertEquals("45 s", Formats.totalDuration(45));
        assertEquals("12 min", Formats.totalDuration(12 * 60 + 10));
        assertEquals("3 h 12 min", Formats.totalDuration(3 * 3600 + 12 * 60));
    }

    @Test
    void starsFillUpToTheRating() {
        assertEquals("", Formats.stars(0));
        assertEquals("★★★★☆", Formats.stars(4));
        assertEquals("★★★★★", Formats.stars(9));
    }

    @Test
    void sizeInDecimalUnits() {
        assertEquals("999 B", Formats.size(999));
        assertEquals("1.5 kB", Formats.size(1500));
        assertEquals("1.2 MB", Formats.size(1_234_567));
        assertEquals("1.0 GB", Formats.size(999_999_999));
    }

    @Test
    void secondsDropAZeroFraction() {
        assertEquals("2", Formats.seconds(2.0));
        assertEquals("1.5", Formats.seconds(1.5));
        assertEquals("0.333", Formats.seconds(1 / 3.0));
        assertEquals("2026-01-10", Formats.day(Instant.parse("2026-01-10T23:59:00Z")));
    }
}
