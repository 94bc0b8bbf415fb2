package org.ova.media.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ova.media.ProbeResult;
import org.ova.media.TestClips.Spec;
import org.ova.media.WebCompatibility;
import org.ova.media.WebCompatibility.Verdict;
import org.ova.media.pipeline.MediaKind;
import org.ova.media.pipeline.MediaTools;
import org.ova.media.pipeline.VideoJob;
import org.ova.repo.config.WebProxyMode;

class WebProxyStepTest {

    @TempDir
    static Path dir;

    static StepFixture fixture;
    static VideoJob playable;
    static VideoJob h264InMkv;
    static VideoJob mpeg4InAvi;

    @BeforeAll
    static void makeClips() {
        fixture = new StepFixture();
        playable = fixture.job(
                fixture.clips.clip(dir.resolve("fine.mp4"), Spec.of(2, 160, 90).withAudio()));
        h264InMkv = fixture.job(fixture.clips.clip(
                dir.resolve("copyable.mkv"), Spec.of(2, 160, 90).withAudio()));
        mpeg4InAvi = fixture.job(fixture.ffmpeg(
                dir.resolve("old.avi"),
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=160x90:rate=25:duration=2",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=44100:duration=2",
                "-c:v",
                "mpeg4",
                "-c:a",
                "mp2"));
    }

    @ParameterizedTest(name = "{0}: playable {1}, remux {2}, transcode {3}")
    @CsvSource({"NEVER, false, false, false", "AUTO, false, true, false", "ALWAYS, false, true, true"})
    void appliesToWhatTheModeAllows(WebProxyMode mode, boolean toPlayable, boolean toRemux, boolean toTranscode) {
        WebProxyStep step = new WebProxyStep(mode, fixture.capabilities);

        assertEquals(
                List.of(Verdict.PLAYABLE, Verdict.NEEDS_REMUX, Verdict.NEEDS_TRANSCODE),
                List.of(verdict(playable), verdict(h264InMkv), verdict(mpeg4InAvi)));
        assertEquals(
                List.of(toPlayable, toRemux, toTranscode),
                List.of(step.appliesTo(playable), step.appliesTo(h264InMkv), step.appliesTo(mpeg4InAvi)));
    }

    @Test
    void h264InMatroskaIsCopiedIntoAFaststartMp4() throws Exception {
        Path outDir = Files.createDirectories(dir.resolve("remux"));

        new WebProxyStep(WebProxyMode.AUTO, fixture.capabilities).run(h264InMkv, outDir);

        Path proxy = outDir.resolve("proxy.mp4");
        ProbeResult result = fixture.probe.probe(proxy);
        assertEquals(Verdict.PLAYABLE, verdict(result));
        assertEquals(
                List.of("h264", "aac"),
                List.of(result.videoCodec(), result.audioCodec().orElseThrow()));
        assertEquals(2.0, result.durationSeconds(), 0.05);
        assertEquals(
                videoPacketsDigest(h264InMkv.file()),
                videoPacketsDigest(proxy),
                "video must be copied, not re-encoded");
        List<String> boxes = StepFixture.topLevelBoxes(proxy);
        assertTrue(boxes.indexOf("moov") < boxes.indexOf("mdat"), "moov must come before mdat: " + boxes);
    }

    @Test
    void audioMp4CannotHoldIsReencodedToAacWhileTheVideoIsCopied() throws Exception {
        VideoJob flac = fixture.job(fixture.ffmpeg(
                dir.resolve("flac.mkv"), "-i", h264InMkv.file().toString(), "-c:v", "copy", "-c:a", "flac"));
        Path outDir = Files.createDirectories(dir.resolve("flac"));

        new WebProxyStep(WebProxyMode.AUTO, fixture.capabilities).run(flac, outDir);

        ProbeResult result = fixture.probe.probe(outDir.resolve("proxy.mp4"));
        assertEquals(
                List.of("h264", "aac"),
                List.of(result.videoCodec(), result.audioCodec().orElseThrow()));
        assertEquals(videoPacketsDigest(flac.file()), videoPacketsDigest(outDir.resolve("proxy.mp4")));
    }

    @Test
    void vp9InMatroskaIsCopiedIntoWebm() throws Exception {
        VideoJob vp9 = fixture.job(fixture.ffmpeg(
                dir.resolve("vp9.mkv"),
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=160x90:rate=25:duration=1",
                "-c:v",
                "libvpx-vp9",
                "-deadline",
                "realtime",
                "-cpu-used",
                "8"));
        Path outDir = Files.createDirectories(dir.resolve("vp9"));

        new WebProxyStep(WebProxyMode.AUTO, fixture.capabilities).run(vp9, outDir);

        ProbeResult result = fixture.probe.probe(outDir.resolve("proxy.webm"));
        assertEquals(Verdict.PLAYABLE, verdict(result));
        assertEquals("proxy.webm", WebProxyStep.fileName(vp9.probe()));
    }

    @Test
    void mpeg4PartTwoAviIsTranscodedToH264AndAacMp4() throws Exception {
        Path outDir = Files.createDirectories(dir.resolve("transcode"));

        new WebProxyStep(WebProxyMode.ALWAYS, fixture.capabilities).run(mpeg4InAvi, outDir);

        ProbeResult result = fixture.probe.probe(outDir.resolve("proxy.mp4"));
        assertEquals("mov,mp4,m4a,3gp,3g2,mj2", result.container());
        assertEquals(
                List.of("h264", "aac"),
                List.of(result.videoCodec(), result.audioCodec().orElseThrow()));
        assertEquals(List.of(160, 90), List.of(result.width(), result.height()));
        assertEquals(2.0, result.durationSeconds(), 0.1);
        assertEquals(Verdict.PLAYABLE, verdict(result));
    }

    @Test
    void transcodingUsesNvencOnlyWhenTheBuildFoundItWorkingAndFfmpegHasIt() {
        WebProxyStep step = new WebProxyStep(WebProxyMode.ALWAYS, fixture.capabilities);
        String software = fixture.capabilities.h264Encoder().orElseThrow();

        assertEquals(software, step.h264Encoder(mpeg4InAvi));
        assertEquals(
                software,
                step.h264Encoder(withTools(new MediaTools(
                        fixture.tools.ffmpeg(), fixture.capabilities, List.of("-hwaccel", "cuda"), false, 0))),
                "decoding on the GPU, but without a working NVENC");
        assertEquals(
                fixture.capabilities.hasEncoder("h264_nvenc") ? "h264_nvenc" : software,
                step.h264Encoder(withTools(new MediaTools(
                        fixture.tools.ffmpeg(), fixture.capabilities, List.of("-hwaccel", "cuda"), true, 0))));
    }

    private VideoJob withTools(MediaTools tools) {
        return new VideoJob(
                mpeg4InAvi.id(),
                mpeg4InAvi.relativePath(),
                mpeg4InAvi.file(),
                mpeg4InAvi.probe(),
                mpeg4InAvi.vr(),
                tools,
                mpeg4InAvi.log());
    }

    @Test
    void optionsKeyNamesTheModeAndEncoders() {
        WebProxyStep step = new WebProxyStep(WebProxyMode.AUTO, fixture.capabilities);

        assertEquals(MediaKind.WEB_PROXY, step.kind());
        assertEquals(
                "mode=auto h264=" + fixture.capabilities.h264Encoder().orElseThrow() + " nvenc="
                        + fixture.capabilities.hasEncoder("h264_nvenc") + " method=1",
                step.optionsKey());
    }

    private static Verdict verdict(VideoJob job) {
        return verdict(job.probe());
    }

    private static Verdict verdict(ProbeResult probe) {
        return WebCompatibility.of(probe).verdict();
    }

    /** The MD5 of the video stream's packets as stored: equal only when the stream was copied. */
    private static String videoPacketsDigest(Path file) throws Exception {
        Path md5 = Files.createTempFile(dir, "packets", ".md5");
        fixture.ffmpeg(md5, "-i", file.toString(), "-map", "0:v:0", "-c", "copy", "-f", "md5");
        return Files.readString(md5).strip();
    }
}
