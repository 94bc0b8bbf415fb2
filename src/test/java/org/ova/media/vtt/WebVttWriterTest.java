package org.ova.media.vtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebVttWriterTest {

    @Test
    void writesHeaderAndCuesWithMillisecondTimestamps() {
        String vtt = WebVttWriter.write(
                List.of(new WebVttCue(0, 12.5, "Arrival"), new WebVttCue(12.5, 3723.0004, "Swimming")));
        assertEquals("""
                WEBVTT

                00:00:00.000 --> 00:00:12.500
                Arrival

                00:00:12.500 --> 01:02:03.000
                Swimming
                """, vtt);
    }

    @Test
    void emptyCueListIsAValidFile() {
        assertEquals("WEBVTT\n", WebVttWriter.write(List.of()));
    }

    @Test
    void timestampRoundsToTheNearestMillisecond() {
        assertEquals("00:00:01.235", WebVttWriter.timestamp(1.2346));
        assertEquals("00:01:00.000", WebVttWriter.timestamp(59.9999));
    }

    @Test
    void cueRejectsTextThatWouldBreakTheFile() {
        assertThrows(IllegalArgumentException.class, () -> new WebVttCue(0, 1, "a --> b"));
        assertThrows(IllegalArgumentException.class, () -> new WebVttCue(0, 1, "a\n\nb"));
        assertThrows(IllegalArgumentException.class, () -> new WebVttCue(2, 1, "backwards"));
    }
}
