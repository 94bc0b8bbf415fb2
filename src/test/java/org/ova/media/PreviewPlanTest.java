package org.ova.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ova.media.PreviewPlan.Segment;

class PreviewPlanTest {

    @Test
    void segmentsSpreadEvenlyBetweenFiveAndNinetyFivePercent() {
        PreviewPlan plan = PreviewPlan.of(100, 5, 1);

        assertFalse(plan.wholeClip());
        assertEquals(
                List.of(
                        new Segment(5, 1),
                        new Segment(27.25, 1),
                        new Segment(49.5, 1),
                        new Segment(71.75, 1),
                        new Segment(94, 1)),
                plan.segments());
        assertEquals(5.0, plan.totalSeconds());
    }

    @Test
    void startsAreRoundedToTheMillisecond() {
        PreviewPlan plan = PreviewPlan.of(100, 10, 0.75);

        assertEquals(new Segment(5, 0.75), plan.segments().get(0));
        assertEquals(new Segment(14.917, 0.75), plan.segments().get(1));
        assertEquals(new Segment(94.25, 0.75), plan.segments().get(9));
    }

    @Test
    void oneSegmentSitsInTheMiddle() {
        assertEquals(List.of(new Segment(4.5, 1)), PreviewPlan.of(10, 1, 1).segments());
    }

    @Test
    void edgesShrinkSoThatSegmentsNeverOverlap() {
        PreviewPlan plan = PreviewPlan.of(8, 10, 0.75);

        assertEquals(new Segment(0.25, 0.75), plan.segments().get(0));
        assertEquals(new Segment(7, 0.75), plan.segments().get(9));
        for (int i = 1; i < plan.segments().size(); i++) {
            Segment before = plan.segments().get(i - 1);
            assertTrue(plan.segments().get(i).start() >= before.start() + before.length(), "overlap at " + i);
        }
    }

    @Test
    void clipNoLongerThanTheSegmentsIsTakenWhole() {
        assertEquals(new PreviewPlan(List.of(new Segment(0, 1)), true), PreviewPlan.of(1, 10, 0.75));
        assertEquals(new PreviewPlan(List.of(new Segment(0, 7.5)), true), PreviewPlan.of(7.5, 10, 0.75));
    }

    @Test
    void unknownDurationTakesTheWholeClip() {
        assertEquals(new PreviewPlan(List.of(new Segment(0, 0)), true), PreviewPlan.of(0, 10, 0.75));
    }

    @Test
    void noSegmentsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PreviewPlan.of(100, 0, 0.75));
        assertThrows(IllegalArgumentException.class, () -> PreviewPlan.of(100, 10, 0));
    }
}
