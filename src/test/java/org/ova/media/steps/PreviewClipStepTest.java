package org.ova.media.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.ProbeResult;
import org.ova.media.TestClips.Spec;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.pipeline.MediaKind;
import org.ova.media.pipeline.MediaTools;
import org.ova.media.pipeline.VideoJob;
import org.ova.media.pipeline.VideoLog;
import org.ova.repo.config.ProcessingOptions;
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
        Path clip = fixture.clips.clip(
                dir.resolve("talk.mp4"), Spec.of(8, 480, 270).withAudio().keyframeEvery(25));
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(4, 1.0, 320), fixture.capabilities);
        Path outDir = out("talk");

        step.run(fixture.job(clip), outDir);

        Path preview = outDir.resolve("preview.mp4");
        try (Stream<Path> stream = Files.list(outDir)) {
            assertEquals(List.of(preview), stream.toList());
        }
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
        Path clip = fixture.clips.clip(dir.resolve("long.mkv"), Spec.of(10, 160, 90));
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(10, 0.75, 320), fixture.capabilities);
        Path outDir = out("long");

        step.run(fixture.job(clip), outDir);

        assertEquals(7.5, fixture.probe.probe(outDir.resolve("preview.mp4")).durationSeconds(), ONE_FRAME);
    }

    @Test
    void oneSecondClipStillGetsAPreviewOfTheWholeClip() throws Exception {
        Path clip = fixture.clips.clip(
                dir.resolve("short.mp4"), Spec.of(1, 640, 360).withAudio());
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(10, 0.75, 320), fixture.capabilities);
        Path outDir = out("short");

        step.run(fixture.job(clip), outDir);

        ProbeResult result = fixture.probe.probe(outDir.resolve("preview.mp4"));
        assertEquals(1.0, result.durationSeconds(), ONE_FRAME);
        assertEquals(List.of(320, 180), List.of(result.width(), result.height()));
        assertEquals(Optional.empty(), result.audioCodec());
    }

    @Test
    void oneFrameVideoGetsAOneFramePreview() throws Exception {
        Path clip = fixture.clips.clip(dir.resolve("frame.mp4"), Spec.of(0.04, 160, 90));
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(10, 0.75, 320), fixture.capabilities);
        Path outDir = out("frame");

        step.run(fixture.job(clip), outDir);

        assertEquals(0.04, fixture.probe.probe(outDir.resolve("preview.mp4")).durationSeconds(), ONE_FRAME);
    }

    @Test
    void sideBySideStereoPreviewShowsOneEye() throws Exception {
        Path clip = fixture.clips.clip(
                dir.resolve("stereo.mkv"), Spec.of(2, 1280, 360).stereoMode("left_right"));
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
        Set<String> encoders =
                real.encoders().stream().filter(e -> !e.contains("264")).collect(Collectors.toSet());
        FfmpegCapabilities noH264 =
                new FfmpegCapabilities(real.version(), real.hwaccels(), encoders, real.decoders(), real.filters());
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
    void commandSeeksEachSegmentKeepsTheTopEyeCapsTheRateAndTrimsToTheTotal() {
        ProbeResult probe = new ProbeResult(
                Path.of("/v/roller_360_tb.mp4"),
                100,
                "mov,mp4,m4a,3gp,3g2,mj2",
                "h264",
                Optional.empty(),
                1920,
                1920,
                0,
                60,
                0,
                List.of(),
                VrMode.AUTO,
                0);
        MediaTools tools =
                new MediaTools(fixture.tools.ffmpeg(), fixture.capabilities, List.of("-hwaccel", "cuda"), false, 2);
        VideoJob job = new VideoJob(
                "id",
                "roller_360_tb.mp4",
                probe.file(),
                probe,
                new VrMode(VrMode.Projection.EQUIRECT_360, VrMode.Stereo.TOP_BOTTOM),
                tools,
                new VideoLog());
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(2, 0.5, 320), fixture.capabilities);
        String chain = "crop=iw:ih/2:0:0,fps=30,scale=w='trunc(min(320,iw)/2)*2':h=-2,setsar=1,format=yuv420p";

        List<String> arguments = step.arguments(job, Path.of("/out/preview.mp4"));

        assertEquals(
                List.of(
                        "-hwaccel",
                        "cuda",
                        "-threads",
                        "2",
                        "-ss",
                        "5.000",
                        "-t",
                        "0.500",
                        "-i",
                        "/v/roller_360_tb.mp4",
                        "-hwaccel",
                        "cuda",
                        "-threads",
                        "2",
                        "-ss",
                        "94.500",
                        "-t",
                        "0.500",
                        "-i",
                        "/v/roller_360_tb.mp4",
                        "-filter_complex",
                        "[0:V:0]" + chain + "[v0];[1:V:0]" + chain + "[v1];"
                                + "[v0][v1]concat=n=2:v=1:a=0,trim=duration=1.000[v]",
                        "-map",
                        "[v]",
                        "-an",
                        "-sn",
                        "-dn",
                        "-map_metadata",
                        "-1",
                        "-map_chapters",
                        "-1"),
                arguments.subList(0, 31));
        assertEquals(
                List.of("-pix_fmt", "yuv420p", "-threads", "2", "-movflags", "+faststart", "/out/preview.mp4"),
                arguments.subList(arguments.size() - 7, arguments.size()));
    }

    @Test
    void previewsSwitchedOffApplyToNoVideo() {
        ProcessingOptions on = StepFixture.preview(10, 0.75, 320);
        ProcessingOptions off = new ProcessingOptions(
                on.batch(),
                on.parallel(),
                on.threads(),
                on.hwaccel(),
                on.vtt(),
                on.spriteInterval(),
                on.spriteWidth(),
                on.spriteColumns(),
                on.spriteRows(),
                on.thumbnailWidth(),
                false,
                on.previewSegments(),
                on.previewSegmentSeconds(),
                on.previewWidth(),
                on.webProxy());
        VideoJob job = fixture.job(fixture.clips.clip(dir.resolve("any.mp4"), Spec.of(1, 160, 90)));

        assertTrue(new PreviewClipStep(on, fixture.capabilities).appliesTo(job));
        assertFalse(new PreviewClipStep(off, fixture.capabilities).appliesTo(job));
    }

    @Test
    void optionsKeyNamesSegmentsLengthWidthEncoderAndMethod() {
        PreviewClipStep step = new PreviewClipStep(StepFixture.preview(10, 0.75, 320), fixture.capabilities);
        String encoder = fixture.capabilities.h264Encoder().orElseThrow();

        assertEquals(MediaKind.PREVIEW, step.kind());
        assertEquals("segments=10 seconds=0.75 width=320 encoder=" + encoder + " method=1", step.optionsKey());
    }
}
