package org.ova.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.VrMode;

class MediaProbeTest {

    @TempDir
    static Path dir;

    static TestClips clips;
    static MediaProbe probe;

    @BeforeAll
    static void locateFfmpeg() {
        clips = TestClips.withLocatedFfmpeg();
        probe = new MediaProbe(TestClips.installation().ffprobe());
    }

    @Test
    void mp4WithAudioReportsDurationCodecsSizeAndRate() {
        Path clip = clips.clip(
                dir.resolve("plain.mp4"), TestClips.Spec.of(1.0, 160, 90).withAudio());

        ProbeResult result = probe.probe(clip);

        assertEquals(clip, result.file());
        assertEquals(1.0, result.durationSeconds(), 0.1);
        assertEquals("mov,mp4,m4a,3gp,3g2,mj2", result.container());
        assertEquals("h264", result.videoCodec());
        assertEquals(Optional.of("aac"), result.audioCodec());
        assertEquals(160, result.width());
        assertEquals(90, result.height());
        assertEquals(0, result.rotation());
        assertEquals(25.0, result.frameRate());
        assertTrue(result.bitRate() > 0, "bit rate " + result.bitRate());
        assertEquals(List.of(), result.chapters());
        assertEquals(VrMode.AUTO, result.sideDataVr());
    }

    @Test
    void silentWebmHasVp8AndNoAudioCodec() {
        Path clip = clips.clip(dir.resolve("silent.webm"), TestClips.Spec.of(2.0, 128, 72));

        ProbeResult result = probe.probe(clip);

        assertEquals(2.0, result.durationSeconds(), 0.1);
        assertEquals("matroska,webm", result.container());
        assertEquals("vp8", result.videoCodec());
        assertEquals(Optional.empty(), result.audioCodec());
        assertEquals(128, result.width());
        assertEquals(72, result.height());
    }

    @Test
    void rotatedClipReportsDisplayedSizeAndClockwiseRotation() {
        Path clip = clips.clip(
                dir.resolve("portrait.mp4"), TestClips.Spec.of(1.0, 160, 90).displayRotation(90));

        ProbeResult result = probe.probe(clip);

        assertEquals(90, result.width());
        assertEquals(160, result.height());
        assertEquals(270, result.rotation());
    }

    @Test
    void chaptersAreReadWithStartsAndTitles() {
        List<Chapter> chapters = List.of(new Chapter(0, "Intro"), new Chapter(0.5, "Main part"));
        Path clip = clips.clip(
                dir.resolve("chapters.mkv"), TestClips.Spec.of(1.0, 160, 90).withChapters(chapters));

        assertEquals(chapters, probe.probe(clip).chapters());
    }

    @Test
    void matroskaStereoModeIsReadAsSideBySide() {
        Path clip = clips.clip(
                dir.resolve("stereo.mkv"), TestClips.Spec.of(1.0, 160, 90).stereoMode("left_right"));

        assertEquals(
                new VrMode(VrMode.Projection.AUTO, VrMode.Stereo.SIDE_BY_SIDE),
                probe.probe(clip).sideDataVr());
    }

    @Test
    void audioOnlyFileIsNotAVideo() {
        Path song = clips.audioOnly(dir.resolve("song.m4a"), 1.0);

        MediaException e = assertThrows(MediaException.class, () -> probe.probe(song));

        assertEquals("not a video: " + song + " has no video stream (only audio aac)", e.getMessage());
        assertEquals(song, e.file());
    }

    @Test
    void emptyFileIsNotAVideo() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));

        MediaException e = assertThrows(MediaException.class, () -> probe.probe(empty));

        assertEquals("not a video: " + empty + " is empty (0 bytes)", e.getMessage());
    }

    @Test
    void randomBytesAreNotAVideoAndTheMessageNamesTheFile() throws Exception {
        byte[] noise = new byte[5000];
        new Random(42).nextBytes(noise);
        Path garbage = Files.write(dir.resolve("noise.mp4"), noise);

        MediaException e = assertThrows(MediaException.class, () -> probe.probe(garbage));

        assertEquals(
                "not a video ffprobe can read: " + garbage + " (Invalid data found when processing input)",
                e.getMessage());
    }

    @Test
    void missingFileSaysSo() {
        Path missing = dir.resolve("gone.mp4");

        MediaException e = assertThrows(MediaException.class, () -> probe.probe(missing));

        assertEquals("cannot probe " + missing + ": no such file", e.getMessage());
    }
}
