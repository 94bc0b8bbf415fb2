package org.ova.media.sprites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShowinfoParserTest {

    /** Lines as ova's ffmpeg runner received them from ffmpeg 7.1.1 (Jaffree adds {@code -loglevel level+info}). */
    private static final List<String> CAPTURED = List.of(
            "[Parsed_showinfo_2 @ 0x7f3140010000] [info] config in time_base: 1/12800, frame_rate: 25/1",
            "[Parsed_showinfo_2 @ 0x7f3140010000] [info] config out time_base: 0/0, frame_rate: 0/0",
            "[Parsed_showinfo_2 @ 0x7f3140010000] [info] n:   0 pts:      0 pts_time:0       duration:    512 "
                    + "duration_time:0.04    fmt:yuv420p cl:left sar:1/1 s:160x90 i:P iskey:1 type:I checksum:FC1084EF "
                    + "plane_checksum:[7A4A04C1 7F164D5C 293632D2] mean:[105 133 131] stdev:[66.3 76.9 83.6]",
            "[Parsed_showinfo_2 @ 0x7f3140010000] [info] color_range:pc color_space:unknown color_primaries:unknown "
                    + "color_trc:unknown",
            "[Parsed_showinfo_2 @ 0x7f3140010000] [info] n:   1 pts:  12800 pts_time:1       duration:    512 "
                    + "duration_time:0.04    fmt:yuv420p cl:left sar:1/1 s:160x90 i:P iskey:1 type:I checksum:55F9E0C9 "
                    + "plane_checksum:[D8E19C96 3D383EBA F7990579] mean:[107 132 128] stdev:[66.0 74.6 82.7]",
            "[Parsed_showinfo_2 @ 0x7f3140010000] [info] color_range:pc color_space:unknown color_primaries:unknown "
                    + "color_trc:unknown",
            "[out#0/image2 @ 0x5646d35586c0] [info] video:10KiB audio:0KiB subtitle:0KiB other streams:0KiB");

    @Test
    void readsTheTimeOfEveryFrameLineInOrder() {
        assertEquals(List.of(0.0, 1.0), ShowinfoParser.frameTimes(CAPTURED));
    }

    @Test
    void readsLinesWithoutALevelTagAsTheCommandLinePrintsThem() {
        String line = "[Parsed_showinfo_3 @ 0x7ffab800ffc0] n:  12 pts: 153600 pts_time:12.36   duration:    512 "
                + "duration_time:0.04    fmt:yuv420p cl:left sar:1/1 s:160x90 i:P iskey:1 type:I checksum:330E2369";

        assertEquals(Optional.of(12.36), ShowinfoParser.frameTime(line));
    }

    @Test
    void frameWithoutTimestampKeepsItsPlaceAsNaN() {
        String line = "[Parsed_showinfo_2 @ 0x1] [info] n:   4 pts:NOPTS pts_time:NOPTS duration:0 fmt:yuv420p";

        Optional<Double> time = ShowinfoParser.frameTime(line);

        assertTrue(time.isPresent() && time.get().isNaN(), String.valueOf(time));
    }

    @Test
    void linesOfOtherFiltersAreIgnored() {
        assertEquals(
                Optional.empty(),
                ShowinfoParser.frameTime("[Parsed_ashowinfo_0 @ 0x1] [info] n:0 pts:0 pts_time:0 pos:0 fmt:fltp"));
        assertEquals(Optional.empty(), ShowinfoParser.frameTime("frame=    1 fps=0.0 q=4.0 time=00:00:01.00"));
    }
}
