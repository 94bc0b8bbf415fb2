package org.ova.media.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.LogCapture;
import org.ova.media.MediaProbe;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.media.steps.PreviewClipStep;
import org.ova.media.steps.ThumbnailStep;
import org.ova.repo.BuildReport;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.HwAccel;
import org.ova.repo.config.ProcessingOptions;
import org.ova.repo.config.WebProxyMode;
import org.ova.repo.metadata.VideoMetadata;

/**
 * Staging on a real, full 2 MB tmpfs: the step fails with one plain line naming the disk and its
 * free space, and nothing cut short is moved into {@code media/} or recorded as done. Skipped where
 * mounting is not allowed (not root, or in a container without the capability).
 */
class DiskFullTest {

    @TempDir
    Path library;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            new ProcessBuilder("umount", mounted.toString()).inheritIO().start().waitFor();
        }
    }

    /** Mounts a 2 MB tmpfs on {@code dir} and fills it up; skips the test when mounting is not permitted. */
    private void fullTmpfsOn(Path dir) throws Exception {
        Files.createDirectories(dir);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir.toString())
                .redirectErrorStream(true)
                .start();
        boolean ok = mount.waitFor() == 0;
        assumeTrue(
                ok,
                "cannot mount a tmpfs here: "
                        + new String(mount.getInputStream().readAllBytes(), UTF_8));
        mounted = dir;
        try (OutputStream out = Files.newOutputStream(dir.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full now
        }
    }

    @Test
    void aPreviewThatCannotBeWrittenIsNotRecordedAndTheMessageNamesTheDisk() throws Exception {
        FfmpegInstallation ffmpeg = TestClips.installation();
        FfmpegCapabilities capabilities = TestClips.capabilities(ffmpeg.ffmpeg());
        new TestClips(ffmpeg.ffmpeg()).clip(library.resolve("clip.mp4"), TestClips.Spec.of(2, 160, 90));
        LibraryLayout layout = new LibraryLayout(library.toRealPath());
        fullTmpfsOn(layout.stagingDir());

        ProcessingOptions options = new ProcessingOptions(
                true, 1, 0, HwAccel.NONE, true, 1, 160, 10, 10, 160, true, 4, 0.5, 160, WebProxyMode.AUTO);
        ProcessingState state = ProcessingState.load(layout.processingStateFile());
        MediaPipeline pipeline = new MediaPipeline(layout, state, 1, Progress.SILENT);
        MediaPipeline.Video video =
                new MediaPipeline.Video("v1", "clip.mp4", layout.root().resolve("clip.mp4"));
        BuildReport report = new BuildReport();
        pipeline.probe(List.of(video), new MediaProbe(ffmpeg.ffprobe()), report);
        List<String> lines;
        try (LogCapture log = LogCapture.of(MediaPipeline.class)) {
            pipeline.process(
                    List.of(video),
                    id -> VideoMetadata.defaults("A video"),
                    List.of(new PreviewClipStep(options, capabilities)),
                    new MediaTools(
                            new FfmpegRunner(ffmpeg.ffmpeg(), Duration.ofSeconds(60)),
                            capabilities,
                            List.of(),
                            false,
                            1),
                    sample -> HardwareDecoding.Choice.cpu("on the CPU"),
                    report);
            lines = log.lines();
        }

        Path previewDir = layout.stagingDir().resolve("v1").resolve("preview");
        String full = "No space left on device on " + previewDir + " (0 MB free)";
        assertEquals(List.of("[process] clip.mp4: Preview: " + full), report.summaryLines(10));
        assertTrue(lines.contains("[ERROR] Failed to generate preview for 'clip.mp4'."), lines.toString());
        assertEquals(Map.of(), state.get("v1").steps(), "nothing recorded");
        assertEquals(Optional.of("Preview: " + full), state.get("v1").failure());
        assertFalse(Files.exists(layout.mediaDir("v1")), "nothing moved into media/");
        assertFalse(Files.exists(layout.stagingDir().resolve("v1")), "staging cleaned");
    }

    @Test
    void aFileCutShortIsNeverRecordedEvenWhenItsStepSucceeded() throws Exception {
        Path mp4 = library.resolve("cut.mp4");
        TestClips clips = TestClips.withLocatedFfmpeg();
        clips.clip(mp4, TestClips.Spec.of(1, 64, 36));
        assertEquals(null, OutputCheck.problem(mp4), "a whole MP4 passes");
        byte[] bytes = Files.readAllBytes(mp4);
        Files.write(mp4, Arrays.copyOf(bytes, bytes.length - 100));
        assertEquals("is cut short (no complete MP4 index)", OutputCheck.problem(mp4));
        Files.write(mp4, new byte[0]);
        assertEquals("is empty", OutputCheck.problem(mp4));
        assertEquals("was not made", OutputCheck.problem(library.resolve(ThumbnailStep.FILE)));
    }
}
