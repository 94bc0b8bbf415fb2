package org.ova.media.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.ProbeResult;
import org.ova.media.TestClips.Spec;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.pipeline.VideoJob;
import org.ova.repo.metadata.VrMode;

class PreviewClipStepTest {

    /** One frame at 25 fps, plus the containers' millisecond rounding. */
    private static final double ONE_FRAME = 0.041;

    @TempDir
    static Path dir;
    static StepFixture fixture;

    @BeforeAll
    static void locateFfmpeg() {
        fixture = new StepFixture();
    }

    private static Path out(String name) throws Exception {
        return Files.createDirectories(dir.resolve(name));
    }

    @Test
    void previewJoinsTheSegmentsIntoASilentFaststartH264Mp4() throws Exception {
        Path clip = fixture.clips.clip(dir.resolve("talk.mp4"), Spec.of(12, 480, 270).withAudio().keyframeEvery(25));
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(4, 1.0, 320), fixture.capabilities);
        Path outDir = out("talk");

        step.run(fixture.job(clip), outDir);

        Path preview = outDir.resolve("preview.mp4");
        assertEquals(List.of(preview), Files.list(outDir).toList());
        ProbeResult result = fixture.probe.probe(preview);
        assertEquals(4.0, result.durationSeconds(), ONE_FRAME);
        assertEquals("h264", result.videoCodec());
        assertEquals(Optional.empty(), result.audioCodec());
        assertEquals(List.of(320, 180), List.of(result.width(), result.height()));
        assertEquals(List.of(), result.chapters());
        List<String> boxes = StepFixture.topLevelBoxes(preview);
        assertEquals("ftyp", boxes.get(0));
        assertTrue(boxes.indexOf("moov") < boxes.indexOf("mdat"), "moov must come before mdat: " + boxes);
    }

    @Test
    void defaultTenSegmentsOfThreeQuartersOfASecondMakeSevenAndAHalfSeconds() throws Exception {
        Path clip = fixture.clips.clip(dir.resolve("long.mkv"), Spec.of(20, 320, 180));
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(10, 0.75, 320), fixture.capabilities);
        Path outDir = out("long");

        step.run(fixture.job(clip), outDir);

        assertEquals(7.5, fixture.probe.probe(outDir.resolve("preview.mp4")).durationSeconds(), ONE_FRAME);
    }

    @Test
    void oneSecondClipStillGetsAPreviewOfTheWholeClip() throws Exception {
        Path clip = fixture.clips.clip(dir.resolve("short.mp4"), Spec.of(1, 640, 360).withAudio());
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(10, 0.75, 320), fixture.capabilities);
        Path outDir = out("short");

        step.run(fixture.job(clip), outDir);

        ProbeResult result = fixture.probe.probe(outDir.resolve("preview.mp4"));
        assertEquals(1.0, result.durationSeconds(), ONE_FRAME);
        assertEquals(List.of(320, 180), List.of(result.width(), result.height()));
        assertEquals(Optional.empty(), result.audioCodec());
    }

    @Test
    void sideBySideStereoPreviewShowsOneEye() throws Exception {
        Path clip = fixture.clips.clip(dir.resolve("stereo.mkv"), Spec.of(2, 1280, 360).stereoMode("left_right"));
        VideoJob job = fixture.job(clip);
        assertEquals(VrMode.Stereo.SIDE_BY_SIDE, job.vr().stereo());
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(10, 0.75, 320), fixture.capabilities);
        Path outDir = out("stereo");

        step.run(job, outDir);

        ProbeResult result = fixture.probe.probe(outDir.resolve("preview.mp4"));
        assertEquals(List.of(320, 180), List.of(result.width(), result.height()));
    }

    @Test
    void smallVideosAreNotScaledUp() throws Exception {
        Path clip = fixture.clips.clip(dir.resolve("tiny.mp4"), Spec.of(1, 160, 90));
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(10, 0.75, 320), fixture.capabilities);
        Path outDir = out("tiny");

        step.run(fixture.job(clip), outDir);

        ProbeResult result = fixture.probe.probe(outDir.resolve("preview.mp4"));
        assertEquals(List.of(160, 90), List.of(result.width(), result.height()));
    }

    @Test
    void withoutAnH264EncoderThePreviewIsWebm() throws Exception {
        FfmpegCapabilities real = fixture.capabilities;
        Set<String> encoders = real.encoders().stream().filter(e -> !e.contains("264")).collect(Collectors.toSet());
        FfmpegCapabilities noH264 = new FfmpegCapabilities(real.version(), real.hwaccels(), encoders, real.decoders(),
                real.filters());
        Path clip = fixture.clips.clip(dir.resolve("forwebm.mp4"), Spec.of(3, 320, 180));
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(2, 0.5, 320), noH264);
        Path outDir = out("webm");

        step.run(fixture.job(clip), outDir);

        assertEquals("preview.webm", step.fileName());
        ProbeResult result = fixture.probe.probe(outDir.resolve("preview.webm"));
        assertEquals("vp9", result.videoCodec());
        assertEquals(1.0, result.durationSeconds(), ONE_FRAME);
        assertEquals(Optional.empty(), result.audioCodec());
    }

    @Test
    void optionsKeyNamesSegmentsLengthWidthEncoderAndMethod() {
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(10, 0.75, 320), fixture.capabilities);
        String encoder = fixture.capabilities.h264Encoder().orElseThrow();

        assertEquals("preview", step.name());
        assertEquals("segments=10 seconds=0.75 width=320 encoder=" + encoder + " method=1", step.optionsKey());
    }
}
