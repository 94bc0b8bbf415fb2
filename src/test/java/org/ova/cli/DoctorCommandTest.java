package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.media.pipeline.HardwareDecoding;
import org.ova.media.pipeline.MediaTools;

class DoctorCommandTest {

    @TempDir
    Path library;

    private void config(String yaml) throws IOException {
        Files.createDirectories(library.resolve(".ova-repo"));
        Files.writeString(library.resolve(".ova-repo/config.yaml"), yaml);
    }

    @Test
    void aHealthyLibraryIsAllGoodWithItsThemeAndWritableFolderListed() throws IOException {
        config("processing:\n  hwaccel: none\n");
        CliRun run = CliRun.of("doctor", library.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.out());
        assertTrue(run.out().contains("\n  theme     default\n  writable  .ova-repo\n"), run.out());
        assertTrue(run.out().contains("\n  cuda      not used (processing.hwaccel: none)\n"), run.out());
        assertTrue(run.out().endsWith("\nAll good.\n"), run.out());
    }

    @Test
    void anUnknownThemeIsAProblemWithItsFix() throws IOException {
        config("site:\n  theme: fancy\n");
        CliRun run = CliRun.of("doctor", library.toString());
        assertEquals(ExitCode.COMPLETED_WITH_FAILURES, run.exitCode(), run.out());
        assertTrue(
                run.out()
                        .contains("\n  theme     UNKNOWN: theme 'fancy' is not bundled with ova; set site.theme to"
                                + " default in .ova-repo/config.yaml\n"),
                run.out());
    }

    @Test
    void anOvaRepoThatCannotBeWrittenIsAProblem() throws IOException {
        // a file where the folder should be: unwritable even for root, whom permissions do not stop
        Files.writeString(library.resolve(".ova-repo"), "not a folder");
        CliRun run = CliRun.of("doctor", library.toString());
        assertEquals(ExitCode.COMPLETED_WITH_FAILURES, run.exitCode(), run.out());
        assertTrue(
                run.out()
                        .contains("\n  writable  NO: " + library.resolve(".ova-repo")
                                + " is a file, not a folder: move it away so ova can create its folder there\n"),
                run.out());
    }

    @Test
    void requiredCudaIsAProblemExactlyWhenTheBuildsTestDecodeFails() throws IOException {
        Path clip = library.resolve("a.mp4");
        TestClips.withLocatedFfmpeg().clip(clip, TestClips.Spec.of(0.5, 64, 36));
        config("processing:\n  hwaccel: cuda\n");
        Path ffmpeg = TestClips.installation().ffmpeg();
        Optional<String> cudaProblem = HardwareDecoding.cudaProblem(
                new MediaTools(
                        new FfmpegRunner(ffmpeg, Duration.ofMinutes(1)),
                        TestClips.capabilities(ffmpeg),
                        List.of(),
                        false,
                        0),
                clip);

        CliRun run = CliRun.of("doctor", library.toString());
        if (cudaProblem.isPresent()) {
            assertEquals(ExitCode.COMPLETED_WITH_FAILURES, run.exitCode(), run.out());
            assertTrue(run.out().contains("\n  cuda      CANNOT LOAD: "), run.out());
        } else {
            assertEquals(ExitCode.OK, run.exitCode(), run.out());
            assertTrue(run.out().contains("\n  cuda      decodes a.mp4 (processing.hwaccel: cuda)\n"), run.out());
        }
    }
}
