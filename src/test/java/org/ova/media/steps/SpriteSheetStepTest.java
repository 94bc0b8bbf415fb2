package org.ova.media.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ova.media.steps.StepFixture.assertTruthfulCues;
import static org.ova.media.steps.StepFixture.fileNames;
import static org.ova.media.steps.StepFixture.jpegSize;
import static org.ova.media.steps.StepFixture.options;
import static org.ova.media.steps.StepFixture.readVtt;
import static org.ova.media.steps.StepFixture.staging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.MediaException;
import org.ova.media.TestClips;
import org.ova.media.pipeline.VideoJob;
import org.ova.media.sprites.SpriteGrid;
import org.ova.media.vtt.WebVttCue;
import org.ova.repo.metadata.VrMode;

class SpriteSheetStepTest {

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

    private static List<Double> starts(List<WebVttCue> cues) {
        return cues.stream().map(WebVttCue::start).toList();
    }

    @Test
    void cuesStartAtTheRealKeyframeTimesAndWidenWhereKeyframesAreSparse() {
        // a keyframe every 2 s, pictures wanted every second: 6 keyframes are enough, each cue 2 s wide
        Path video = clip("gop50.mp4", TestClips.Spec.of(12, 160, 90).keyframeEvery(50));
        Path out = staging(dir);

        new SpriteSheetStep(options(1, 160, 10, 10, 320)).run(fixture.job(video, VrMode.FLAT), out);

        List<WebVttCue> cues = readVtt(out.resolve("sprites.vtt"));
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), starts(cues));
        assertEquals("sprite-1.jpg#xywh=160,0,160,90", cues.get(1).text());
        assertTruthfulCues(cues, 12.0, out);
        assertEquals(List.of("sprite-1.jpg", "sprites.vtt"), fileNames(out));
        assertEquals(List.of(1600, 900), jpegSize(out.resolve("sprite-1.jpg")));
    }

    @Test
    void matroskaAndWebmCuesAlsoStartAtTheirKeyframes() {
        for (String name : List.of("gop50.mkv", "gop50.webm")) {
            Path video = clip(name, TestClips.Spec.of(6, 160, 90).keyframeEvery(50));
            Path out = staging(dir.resolve(name + "-out"));

            new SpriteSheetStep(options(1, 160, 10, 10, 320)).run(fixture.job(video, VrMode.FLAT), out);

            List<WebVttCue> cues = readVtt(out.resolve("sprites.vtt"));
            assertEquals(List.of(0.0, 2.0, 4.0), starts(cues), name);
            assertTruthfulCues(cues, fixture.probe.probe(video).durationSeconds(), out);
        }
    }

    @Test
    void tooFewKeyframesFallBackToDecodingEveryFrame() {
        // one keyframe in 10 s; only exact decoding can give a picture every second
        Path video = clip("sparse.mp4", TestClips.Spec.of(10, 160, 90).keyframeEvery(250));
        Path out = staging(dir);

        new SpriteSheetStep(options(1, 160, 10, 10, 320)).run(fixture.job(video, VrMode.FLAT), out);

        List<WebVttCue> cues = readVtt(out.resolve("sprites.vtt"));
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), starts(cues));
        assertTruthfulCues(cues, 10.0, out);
    }

    @Test
    void moreFramesThanOneSheetHoldsFillSeveralSheets() {
        Path video = clip("twelve.mp4", TestClips.Spec.of(12, 160, 90).keyframeEvery(25));
        Path out = staging(dir);

        new SpriteSheetStep(options(1, 80, 2, 2, 320)).run(fixture.job(video, VrMode.FLAT), out);

        assertEquals(List.of("sprite-1.jpg", "sprite-2.jpg", "sprite-3.jpg", "sprites.vtt"), fileNames(out));
        List<WebVttCue> cues = readVtt(out.resolve("sprites.vtt"));
        assertEquals(12, cues.size());
        assertEquals(new WebVttCue(11.0, 12.0, "sprite-3.jpg#xywh=80,46,80,46"), cues.get(11));
        assertTruthfulCues(cues, 12.0, out);
        for (String sheet : List.of("sprite-1.jpg", "sprite-2.jpg", "sprite-3.jpg")) {
            assertEquals(List.of(160, 92), jpegSize(out.resolve(sheet)));
        }
    }

    @Test
    void oneSecondClipGetsOneSheetAndOneCue() throws Exception {
        Path video = clip("one-second.mp4", TestClips.Spec.of(1, 160, 90));
        Path out = staging(dir);

        new SpriteSheetStep(options(0, 160, 10, 10, 320)).run(fixture.job(video, VrMode.FLAT), out);

        assertEquals(List.of("sprite-1.jpg", "sprites.vtt"), fileNames(out));
        assertEquals(
                "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nsprite-1.jpg#xywh=0,0,160,90\n",
                Files.readString(out.resolve("sprites.vtt")).replace("\r", ""));
    }

    @Test
    void oneFrameClipGetsOneSheetAndOneCue() throws Exception {
        Path video = clip("one-frame.mp4", TestClips.Spec.of(0.04, 160, 90));
        Path out = staging(dir);

        new SpriteSheetStep(options(0, 160, 10, 10, 320)).run(fixture.job(video, VrMode.FLAT), out);

        assertEquals(List.of("sprite-1.jpg", "sprites.vtt"), fileNames(out));
        List<WebVttCue> cues = readVtt(out.resolve("sprites.vtt"));
        assertEquals(1, cues.size());
        assertEquals("sprite-1.jpg#xywh=0,0,160,90", cues.get(0).text());
        assertTruthfulCues(cues, fixture.probe.probe(video).durationSeconds(), out);
    }

    @Test
    void sideBySideStereoSpritesShowOneEye() {
        Path video = clip("stereo_sbs.mp4", TestClips.Spec.of(2, 320, 90).keyframeEvery(25));
        Path out = staging(dir);

        new SpriteSheetStep(options(1, 160, 2, 1, 320))
                .run(fixture.job(video, new VrMode(VrMode.Projection.EQUIRECT_180, VrMode.Stereo.SIDE_BY_SIDE)), out);

        assertEquals(List.of(320, 90), jpegSize(out.resolve("sprite-1.jpg")));
        assertEquals(
                "sprite-1.jpg#xywh=160,0,160,90",
                readVtt(out.resolve("sprites.vtt")).get(1).text());
    }

    @Test
    void rotatedVideoGetsUprightTiles() {
        // stored 160x90, shown upright as 90x160: tiles are 160 wide and 284 high
        Path video = clip("phone.mp4", TestClips.Spec.of(1, 160, 90).displayRotation(90));
        Path out = staging(dir);

        new SpriteSheetStep(options(1, 160, 1, 1, 320)).run(fixture.job(video, VrMode.FLAT), out);

        assertEquals(List.of(160, 284), jpegSize(out.resolve("sprite-1.jpg")));
    }

    @Test
    void brokenFileFailsWithOneLineReasonAndWritesNothingOutsideStaging() throws Exception {
        Path video = clip("broken.mp4", TestClips.Spec.of(2, 160, 90));
        VideoJob job = fixture.job(video, VrMode.FLAT);
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        Files.write(video, noise);
        Path out = staging(dir);

        MediaException failure = assertThrows(
                MediaException.class, () -> new SpriteSheetStep(options(1, 160, 10, 10, 320)).run(job, out));

        assertEquals(video, failure.file());
        assertFalse(failure.getMessage().contains("\n"), failure.getMessage());
        assertTrue(failure.getMessage().contains("sprites"), failure.getMessage());
        assertEquals(List.of("broken.mp4", "staging"), fileNames(dir));
        assertFalse(Files.exists(out.resolve("sprites.vtt")));
    }

    @Test
    void optionsKeyChangesWithIntervalWidthAndGrid() {
        String key = new SpriteSheetStep(options(0, 160, 10, 10, 320)).optionsKey();

        assertEquals("method=keyframes-v1 interval=0 width=160 grid=10x10", key);
        assertNotEquals(key, new SpriteSheetStep(options(5, 160, 10, 10, 320)).optionsKey());
        assertNotEquals(key, new SpriteSheetStep(options(0, 200, 10, 10, 320)).optionsKey());
        assertNotEquals(key, new SpriteSheetStep(options(0, 160, 5, 10, 320)).optionsKey());
        assertEquals(key, new SpriteSheetStep(options(0, 160, 10, 10, 640)).optionsKey());
    }

    @Test
    void filterChainCropsOneEyeThenPicksScalesReportsAndTiles() {
        ShownPicture leftEye = new ShownPicture(1920, 1920, Optional.of("crop=iw/2:ih:0:0"));

        String chain = SpriteSheetStep.filterChain(leftEye, 2.5, 0.1, new SpriteGrid(10, 10, 160, 160));

        assertEquals(
                "crop=iw/2:ih:0:0,"
                        + "select='isnan(prev_selected_t)+gt(floor(t/2.5+0.1)\\,floor(prev_selected_t/2.5+0.1))',"
                        + "scale=160:160,showinfo,tile=10x10",
                chain);
    }

    @Test
    void expectedPicturesAreOnePerStartedIntervalAndAtLeastOne() {
        assertEquals(60, SpriteSheetStep.expectedFrames(600, 10));
        assertEquals(61, SpriteSheetStep.expectedFrames(600.04, 10));
        assertEquals(1, SpriteSheetStep.expectedFrames(0.04, 1));
        assertEquals(1, SpriteSheetStep.expectedFrames(0, 1));
    }
}
