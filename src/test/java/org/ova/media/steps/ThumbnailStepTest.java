package org.ova.media.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ova.media.steps.StepFixture.fileNames;
import static org.ova.media.steps.StepFixture.jpegSize;
import static org.ova.media.steps.StepFixture.options;
import static org.ova.media.steps.StepFixture.staging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.MediaException;
import org.ova.media.ProbeResult;
import org.ova.media.TestClips;
import org.ova.media.pipeline.VideoJob;
import org.ova.repo.metadata.VrMode;

class ThumbnailStepTest {

    static StepFixture fixture;

    @TempDir
    Path dir;

    @BeforeAll
    static void locateFfmpeg() {
        fixture = new StepFixture();
    }

    private Path clip(String name, TestClips.Spec spec) {
        return fixture.clips.clip(dir.resolve(name), spec);
    }

    private static ThumbnailStep step(int width) {
        return new ThumbnailStep(options(0, 160, 10, 10, width));
    }

    @Test
    void posterHasTheConfiguredWidthAndTheVideosShape() {
        Path video = clip("plain.mp4", TestClips.Spec.of(6, 320, 180));
        Path out = staging(dir);

        step(160).run(fixture.job(video, VrMode.FLAT), out);

        assertEquals(List.of("thumb.jpg"), fileNames(out));
        assertEquals(List.of(160, 90), jpegSize(out.resolve("thumb.jpg")));
    }

    @Test
    void sideBySideStereoPosterShowsOneEye() {
        // two 320x180 eyes side by side: the poster has one eye's 16:9 shape
        Path video = clip("stereo_sbs.mp4", TestClips.Spec.of(3, 640, 180));
        Path out = staging(dir);

        step(160).run(fixture.job(video, new VrMode(VrMode.Projection.EQUIRECT_180, VrMode.Stereo.SIDE_BY_SIDE)), out);

        assertEquals(List.of(160, 90), jpegSize(out.resolve("thumb.jpg")));
    }

    @Test
    void topBottomStereoPosterShowsOneEye() {
        Path video = clip("stereo_tb.mp4", TestClips.Spec.of(1, 320, 360));
        Path out = staging(dir);

        step(160).run(fixture.job(video, new VrMode(VrMode.Projection.EQUIRECT_360, VrMode.Stereo.TOP_BOTTOM)), out);

        assertEquals(List.of(160, 90), jpegSize(out.resolve("thumb.jpg")));
    }

    @Test
    void rotatedVideoGetsAnUprightPoster() {
        Path video = clip("phone.mp4", TestClips.Spec.of(1, 160, 90).displayRotation(90));
        Path out = staging(dir);

        step(90).run(fixture.job(video, VrMode.FLAT), out);

        assertEquals(List.of(90, 160), jpegSize(out.resolve("thumb.jpg")));
    }

    @Test
    void oneFrameVideoGetsAPoster() {
        Path video = clip("one-frame.mp4", TestClips.Spec.of(0.04, 160, 90));
        Path out = staging(dir);

        step(160).run(fixture.job(video, VrMode.FLAT), out);

        assertEquals(List.of(160, 90), jpegSize(out.resolve("thumb.jpg")));
    }

    @Test
    void seekingPastTheLastFrameFallsBackToTheStart() {
        // the probe claims 100 s for a 1 s file: the seek to 15 s finds nothing, the retry from 0 does
        Path video = clip("short.mp4", TestClips.Spec.of(1, 160, 90));
        ProbeResult real = fixture.probe.probe(video);
        ProbeResult claimed = new ProbeResult(
                video,
                100,
                real.container(),
                real.videoCodec(),
                real.audioCodec(),
                real.width(),
                real.height(),
                real.rotation(),
                real.frameRate(),
                real.bitRate(),
                real.chapters(),
                real.sideDataVr(),
                real.keyframeInterval());
        Path out = staging(dir);

        step(160).run(fixture.job(claimed, VrMode.FLAT), out);

        assertEquals(List.of(160, 90), jpegSize(out.resolve("thumb.jpg")));
    }

    @Test
    void brokenFileFailsWithOneLineReasonAndWritesNothingOutsideStaging() throws Exception {
        Path video = clip("broken.mp4", TestClips.Spec.of(2, 160, 90));
        VideoJob job = fixture.job(video, VrMode.FLAT);
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        Files.write(video, noise);
        Path out = staging(dir);

        MediaException failure =
                assertThrows(MediaException.class, () -> step(160).run(job, out));

        assertEquals(video, failure.file());
        assertFalse(failure.getMessage().contains("\n"), failure.getMessage());
        assertTrue(failure.getMessage().contains("thumbnail"), failure.getMessage());
        assertEquals(List.of("broken.mp4", "staging"), fileNames(dir));
        assertEquals(List.of(), fileNames(out));
    }

    @Test
    void seekGoesAboutFifteenPercentInButNotIntoTheLastTwoSeconds() {
        assertEquals(0, ThumbnailStep.seekTime(0));
        assertEquals(0, ThumbnailStep.seekTime(1.5));
        assertEquals(0, ThumbnailStep.seekTime(2));
        assertEquals(0.45, ThumbnailStep.seekTime(3), 1e-9);
        assertEquals(0.2, ThumbnailStep.seekTime(2.2), 1e-9);
        assertEquals(90, ThumbnailStep.seekTime(600), 1e-9);
    }

    @Test
    void optionsKeyChangesWithTheWidthOnly() {
        assertEquals("method=window-v1 width=320", step(320).optionsKey());
        assertNotEquals(step(320).optionsKey(), step(480).optionsKey());
        assertEquals(step(320).optionsKey(), new ThumbnailStep(options(5, 200, 4, 4, 320)).optionsKey());
    }
}
