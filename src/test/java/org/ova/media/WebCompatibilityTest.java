package org.ova.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ova.media.WebCompatibility.Verdict;
import org.ova.repo.PlayableFile;
import org.ova.repo.metadata.VrMode;

class WebCompatibilityTest {

    // quoted: the names contain the CSV delimiter
    private static final String MP4 = "'mov,mp4,m4a,3gp,3g2,mj2'";
    private static final String MKV = "'matroska,webm'";

    @ParameterizedTest(name = "{1}: {2}+{3} → {4} {5} copyAudio={6}")
    @CsvSource(
            nullValues = "none",
            value = {
                // browser containers with browser codecs play as they are
                MP4 + ", a.mp4, h264, aac, PLAYABLE, MP4, true",
                MP4 + ", a.m4v, h264, mp3, PLAYABLE, MP4, true",
                MP4 + ", a.mov, h264, aac, PLAYABLE, MP4, true",
                MP4 + ", a.mp4, h264, opus, PLAYABLE, MP4, true",
                MP4 + ", a.mp4, h264, none, PLAYABLE, MP4, true",
                MP4 + ", a.mp4, av1, aac, PLAYABLE, MP4, true",
                MKV + ", a.webm, vp8, vorbis, PLAYABLE, WEBM, true",
                MKV + ", a.webm, vp9, opus, PLAYABLE, WEBM, true",
                MKV + ", a.WEBM, av1, none, PLAYABLE, WEBM, true",
                // the right codecs in the wrong container: copy into MP4
                MKV + ", a.mkv, h264, aac, NEEDS_REMUX, MP4, true",
                "avi, a.avi, h264, mp3, NEEDS_REMUX, MP4, true",
                "mpegts, a.ts, h264, aac, NEEDS_REMUX, MP4, true",
                "flv, a.flv, h264, aac, NEEDS_REMUX, MP4, true",
                MKV + ", a.mkv, av1, opus, NEEDS_REMUX, MP4, true",
                // Matroska with WebM codecs: copy into WebM
                MKV + ", a.mkv, vp9, opus, NEEDS_REMUX, WEBM, true",
                MKV + ", a.mkv, vp8, vorbis, NEEDS_REMUX, WEBM, true",
                MKV + ", a.mkv, vp9, aac, NEEDS_REMUX, WEBM, false",
                MP4 + ", a.mp4, vp9, opus, NEEDS_REMUX, WEBM, true",
                // the video plays but the audio does not: copy the video, re-encode the audio
                MP4 + ", a.mp4, h264, ac3, NEEDS_REMUX, MP4, false",
                MKV + ", a.mkv, h264, dts, NEEDS_REMUX, MP4, false",
                MKV + ", a.mkv, h264, flac, NEEDS_REMUX, MP4, false",
                MKV + ", a.mkv, h264, vorbis, NEEDS_REMUX, MP4, false",
                MKV + ", a.webm, vp9, aac, NEEDS_REMUX, WEBM, false",
                // a WebM name on Matroska with H.264 inside
                MKV + ", a.webm, h264, aac, NEEDS_REMUX, MP4, true",
                // video codecs browsers do not play everywhere: re-encode to H.264 MP4
                MP4 + ", a.mp4, hevc, aac, NEEDS_TRANSCODE, MP4, true",
                MKV + ", a.mkv, hevc, eac3, NEEDS_TRANSCODE, MP4, false",
                "avi, a.avi, mpeg4, mp3, NEEDS_TRANSCODE, MP4, true",
                "avi, a.avi, msmpeg4v3, mp3, NEEDS_TRANSCODE, MP4, true",
                "asf, a.wmv, wmv2, wmav2, NEEDS_TRANSCODE, MP4, false",
                "mpeg, a.mpg, mpeg2video, mp2, NEEDS_TRANSCODE, MP4, false",
                "mpegts, a.m2ts, mpeg2video, ac3, NEEDS_TRANSCODE, MP4, false",
                MP4 + ", a.3gp, h263, amr_nb, NEEDS_TRANSCODE, MP4, false",
                MP4 + ", a.mov, prores, pcm_s16le, NEEDS_TRANSCODE, MP4, false",
                "avi, a.avi, mjpeg, none, NEEDS_TRANSCODE, MP4, true",
            })
    void decidesFromContainerCodecsAndExtension(
            String format,
            String fileName,
            String video,
            String audio,
            Verdict verdict,
            BrowserContainer target,
            boolean copyAudio) {
        WebCompatibility result = WebCompatibility.of(format, fileName, video, Optional.ofNullable(audio));

        assertEquals(new WebCompatibility(verdict, target, copyAudio), result);
    }

    @ParameterizedTest
    @CsvSource({"MP4, proxy.mp4", "WEBM, proxy.webm"})
    void proxyIsNamedAfterItsContainer(BrowserContainer target, String name) {
        assertEquals(name, new WebCompatibility(Verdict.NEEDS_REMUX, target, true).proxyFileName());
    }

    private static ProbeResult probe(String container, String videoCodec, String audioCodec) {
        return new ProbeResult(
                Path.of(""),
                1,
                container,
                videoCodec,
                Optional.of(audioCodec),
                16,
                16,
                0,
                25,
                0,
                List.of(),
                new VrMode(VrMode.Projection.AUTO, VrMode.Stereo.AUTO),
                0);
    }

    @Test
    void thePlayerGetsTheVideoWhenItPlaysElseItsProxyElseNothing() {
        String mp4 = "mov,mp4,m4a,3gp,3g2,mj2";
        Optional<String> proxy = Optional.of(".ova-repo/media/x/webproxy/proxy.mp4");
        assertEquals(
                Optional.of(new PlayableFile("a/b.mp4", "video/mp4")),
                WebCompatibility.playableFile("a/b.mp4", Optional.of(probe(mp4, "h264", "aac")), proxy));
        // AC-3 plays in no browser: the proxy, not the original
        assertEquals(
                Optional.of(new PlayableFile(proxy.get(), "video/mp4")),
                WebCompatibility.playableFile("a/b.mp4", Optional.of(probe(mp4, "h264", "ac3")), proxy));
        assertEquals(
                Optional.empty(),
                WebCompatibility.playableFile("a/b.mp4", Optional.of(probe(mp4, "h264", "ac3")), Optional.empty()));
        assertEquals(
                Optional.of(new PlayableFile("c.webm", "video/webm")),
                WebCompatibility.playableFile("c.webm", Optional.of(probe("matroska,webm", "vp9", "opus")), proxy));
    }

    @Test
    void anUnprobedVideoIsJudgedByItsExtension() {
        assertEquals(
                Optional.of(new PlayableFile("x/a.M4V", "video/mp4")),
                WebCompatibility.playableFile("x/a.M4V", Optional.empty(), Optional.empty()));
        assertEquals(
                Optional.of(new PlayableFile("a.webm", "video/webm")),
                WebCompatibility.playableFile("a.webm", Optional.empty(), Optional.empty()));
        assertEquals(Optional.empty(), WebCompatibility.playableFile("a.mkv", Optional.empty(), Optional.empty()));
    }
}
