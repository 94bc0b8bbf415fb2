package org.ova.media.sprites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ova.media.vtt.WebVttCue;
import org.ova.media.vtt.WebVttWriter;

class ScrubCuePlannerTest {

    private static final SpriteGrid GRID = new SpriteGrid(2, 2, 160, 90);

    private static String plan(List<Double> times, double duration) {
        return WebVttWriter.write(ScrubCuePlanner.plan(times, duration, GRID, n -> "sprite-" + (n + 1) + ".jpg"));
    }

    @Test
    void eachCueRunsFromItsFrameToTheNextAndTheLastToTheEnd() {
        assertEquals("""
                WEBVTT

                00:00:00.000 --> 00:00:10.000
                sprite-1.jpg#xywh=0,0,160,90

                00:00:10.000 --> 00:00:20.000
                sprite-1.jpg#xywh=160,0,160,90

                00:00:20.000 --> 00:00:25.000
                sprite-1.jpg#xywh=0,90,160,90
                """, plan(List.of(0.0, 10.0, 20.0), 25));
    }

    @Test
    void sparseKeyframesWidenCuesInsteadOfRepeatingAFrame() {
        List<WebVttCue> cues = ScrubCuePlanner.plan(List.of(0.0, 37.5), 60, GRID, n -> "s.jpg");
        assertEquals(2, cues.size());
        assertEquals(new WebVttCue(0, 37.5, "s.jpg#xywh=0,0,160,90"), cues.get(0));
        assertEquals(new WebVttCue(37.5, 60, "s.jpg#xywh=160,0,160,90"), cues.get(1));
    }

    @Test
    void framesPastTheFirstSheetGoToTheNextSheet() {
        List<WebVttCue> cues =
                ScrubCuePlanner.plan(List.of(0.0, 1.0, 2.0, 3.0, 4.0), 5, GRID, n -> "sprite-" + n + ".jpg");
        assertEquals("sprite-0.jpg#xywh=160,90,160,90", cues.get(3).text());
        assertEquals("sprite-1.jpg#xywh=0,0,160,90", cues.get(4).text());
    }

    @Test
    void firstCueStartsAtZeroEvenWhenTheFirstKeyframeIsLater() {
        List<WebVttCue> cues = ScrubCuePlanner.plan(List.of(0.48, 5.0), 8, GRID, n -> "s.jpg");
        assertEquals(0, cues.get(0).start());
        assertEquals(5.0, cues.get(0).end());
    }

    @Test
    void cuesCoverZeroToDurationWithoutGapsOrOverlaps() {
        List<Double> times = List.of(0.0, 2.002, 4.004, 6.006, 8.008, 10.01);
        List<WebVttCue> cues = ScrubCuePlanner.plan(times, 11.5, new SpriteGrid(3, 1, 80, 46), n -> "s.jpg");
        assertEquals(0, cues.get(0).start());
        for (int i = 1; i < cues.size(); i++) {
            assertEquals(cues.get(i - 1).end(), cues.get(i).start());
        }
        assertEquals(11.5, cues.get(cues.size() - 1).end());
    }

    @Test
    void framesAtTheSameTimeOrAtTheEndAreNotGivenTheirOwnCue() {
        List<WebVttCue> cues = ScrubCuePlanner.plan(List.of(0.0, 0.0, 3.0, 6.0), 6, GRID, n -> "s.jpg");
        assertEquals(2, cues.size());
        assertEquals("s.jpg#xywh=0,90,160,90", cues.get(1).text());
        assertEquals(6, cues.get(1).end());
    }

    @Test
    void aOneFrameVideoGetsOneCue() {
        List<WebVttCue> cues = ScrubCuePlanner.plan(List.of(0.0), 0.04, GRID, n -> "s.jpg");
        assertEquals(List.of(new WebVttCue(0, 0.04, "s.jpg#xywh=0,0,160,90")), cues);
    }

    @Test
    void noFramesGiveNoCues() {
        assertEquals(List.of(), ScrubCuePlanner.plan(List.of(), 10, GRID, n -> "s.jpg"));
    }

    @Test
    void evenHeightKeepsTheAspectRatio() {
        assertEquals(90, SpriteGrid.evenHeight(160, 1920, 1080));
        assertEquals(80, SpriteGrid.evenHeight(160, 1024, 512));
        assertEquals(120, SpriteGrid.evenHeight(160, 640, 480));
        assertEquals(284, SpriteGrid.evenHeight(160, 1080, 1920));
    }
}
