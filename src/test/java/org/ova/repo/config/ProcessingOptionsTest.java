package org.ova.repo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcessingOptionsTest {

    private static ProcessingOptions with(int parallel, double spriteInterval) {
        ProcessingOptions d = OvaConfig.defaults().processing();
        return new ProcessingOptions(
                d.batch(),
                parallel,
                d.threads(),
                d.hwaccel(),
                d.vtt(),
                spriteInterval,
                d.spriteWidth(),
                d.spriteColumns(),
                d.spriteRows(),
                d.thumbnailWidth(),
                d.preview(),
                d.previewSegments(),
                d.previewSegmentSeconds(),
                d.previewWidth(),
                d.webProxy());
    }

    @Test
    void automaticParallelIsHalfTheCoresRoundedUpAndAtLeastOne() {
        assertEquals(1, with(0, 0).effectiveParallel(1));
        assertEquals(1, with(0, 0).effectiveParallel(2));
        assertEquals(2, with(0, 0).effectiveParallel(3));
        assertEquals(8, with(0, 0).effectiveParallel(16));
        assertEquals(1, with(0, 0).effectiveParallel(0));
    }

    @Test
    void configuredParallelIsUsedAsWritten() {
        assertEquals(6, with(6, 0).effectiveParallel(2));
    }

    @Test
    void automaticThreadsLetFfmpegDecideForOneJobAndShareTheCoresAmongSeveral() {
        ProcessingOptions auto = OvaConfig.defaults().processing();
        assertEquals(0, auto.threads());
        assertEquals(0, auto.effectiveThreads(2, 1));
        assertEquals(1, auto.effectiveThreads(2, 2));
        assertEquals(4, auto.effectiveThreads(16, 4));
        assertEquals(1, auto.effectiveThreads(2, 6));
    }

    @Test
    void configuredThreadsAreUsedAsWritten() {
        ProcessingOptions d = OvaConfig.defaults().processing();
        ProcessingOptions three = new ProcessingOptions(
                d.batch(),
                2,
                3,
                d.hwaccel(),
                d.vtt(),
                d.spriteInterval(),
                d.spriteWidth(),
                d.spriteColumns(),
                d.spriteRows(),
                d.thumbnailWidth(),
                d.preview(),
                d.previewSegments(),
                d.previewSegmentSeconds(),
                d.previewWidth(),
                d.webProxy());
        assertEquals(3, three.effectiveThreads(2, 2));
    }

    @Test
    void automaticSpriteIntervalIsTenSecondsOnLongVideosAndCloserOnShortOnes() {
        ProcessingOptions auto = with(0, 0);
        assertEquals(10.0, auto.effectiveSpriteInterval(7200));
        assertEquals(10.0, auto.effectiveSpriteInterval(1000));
        assertEquals(3.0, auto.effectiveSpriteInterval(300));
        assertEquals(1.0, auto.effectiveSpriteInterval(30));
    }

    @Test
    void configuredSpriteIntervalIsUsedAsWritten() {
        assertEquals(2.5, with(0, 2.5).effectiveSpriteInterval(7200));
    }

    @Test
    void sheetHoldsColumnsTimesRows() {
        assertEquals(100, OvaConfig.defaults().processing().thumbnailsPerSheet());
    }
}
