package org.ova.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyframeIntervalTest {

    @TempDir
    Path dir;

    @Test
    void medianGapBetweenKeyframePacketsIsTheInterval() {
        List<String> packets = List.of(
                "0.000000,K__",
                "0.040000,___",
                "2.000000,K__",
                "2.040000,___",
                "4.000000,K__",
                "9.000000,K__",
                "11.000000,K_");
        assertEquals(2.0, KeyframeInterval.fromPackets(packets, 12));
    }

    @Test
    void aSingleKeyframeMeansTheWholeWindowOrVideo() {
        assertEquals(8.0, KeyframeInterval.fromPackets(List.of("0.000000,K__", "1.000000,___"), 8));
        assertEquals(60.0, KeyframeInterval.fromPackets(List.of("0.000000,K__", "1.000000,___"), 600));
    }

    @Test
    void noKeyframePacketsOrGarbageGiveUnknown() {
        assertEquals(0.0, KeyframeInterval.fromPackets(List.of("0.1,___", "N/A,K__", "nonsense"), 10));
    }

    @Test
    void probeEstimatesTheRealKeyframeIntervalOfAClip() {
        TestClips clips = TestClips.withLocatedFfmpeg();
        Path clip =
                clips.clip(dir.resolve("g25.mp4"), TestClips.Spec.of(4, 160, 90).keyframeEvery(25));
        ProbeResult result = new MediaProbe(TestClips.installation().ffprobe()).probe(clip);
        assertEquals(1.0, result.keyframeInterval(), 0.05);
    }
}
