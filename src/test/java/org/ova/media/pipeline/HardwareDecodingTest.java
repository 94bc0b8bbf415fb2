package org.ova.media.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.repo.config.HwAccel;

/**
 * The choice itself, with stand-ins for ffmpeg that answer as a machine with or without a working
 * GPU would (a real run on an NVIDIA H200, which decodes but has no NVENC, is in bench/hwaccel.sh).
 */
class HardwareDecodingTest {

    private static final List<String> CUDA = List.of("-hwaccel", "cuda");

    @TempDir
    Path dir;

    /** An ffmpeg that succeeds, except for the runs whose arguments contain {@code failing}. */
    private FfmpegRunner ffmpeg(String failing) throws IOException {
        Path script = dir.resolve("ffmpeg-failing-" + failing.replace(' ', '-'));
        Files.writeString(script, "#!/bin/sh\ncase \"$*\" in *'" + failing + "'*) echo 'Cannot load libcuda.so.1'"
                + " >&2; exit 1;; esac\nexit 0\n");
        assertTrue(script.toFile().setExecutable(true));
        return new FfmpegRunner(script, Duration.ofSeconds(10));
    }

    private static FfmpegCapabilities capabilities(Set<String> hwaccels, Set<String> encoders) {
        return new FfmpegCapabilities("7.1.1", hwaccels, encoders, Set.of("h264"), Set.of("scale"));
    }

    private Optional<Path> sample() {
        return Optional.of(dir.resolve("clip.mp4"));
    }

    @Test
    void autoDecodesAndEncodesOnTheGpuWhenBothTestsWork() throws IOException {
        HardwareDecoding.Choice choice = HardwareDecoding.choose(HwAccel.AUTO,
                capabilities(Set.of("cuda"), Set.of("h264_nvenc", "libopenh264")), ffmpeg("nothing"), sample());

        assertEquals(CUDA, choice.arguments());
        assertTrue(choice.nvenc());
        assertEquals("Decoding with CUDA: a test decode worked. Web proxies are encoded with NVENC.", choice.reason());
    }

    @Test
    void aGpuWithoutAVideoEncoderDecodesOnTheGpuAndEncodesOnTheCpu() throws IOException {
        HardwareDecoding.Choice choice = HardwareDecoding.choose(HwAccel.AUTO,
                capabilities(Set.of("cuda"), Set.of("h264_nvenc", "libopenh264")), ffmpeg("h264_nvenc"), sample());

        assertEquals(CUDA, choice.arguments());
        assertFalse(choice.nvenc());
        assertTrue(choice.reason().startsWith("Decoding with CUDA: a test decode worked. Web proxies are encoded on "
                + "the CPU: NVENC is not usable here ("), choice.reason());
        assertTrue(choice.reason().contains("Cannot load libcuda.so.1"), choice.reason());
    }

    @Test
    void autoStaysOnTheCpuWhenTheTestDecodeFailsAndTriesNoEncoder() throws IOException {
        HardwareDecoding.Choice choice = HardwareDecoding.choose(HwAccel.AUTO,
                capabilities(Set.of("cuda"), Set.of("h264_nvenc")), ffmpeg("hwaccel cuda"), sample());

        assertEquals(List.of(), choice.arguments());
        assertFalse(choice.nvenc());
        assertTrue(choice.reason().startsWith("Decoding on the CPU: CUDA is not usable here ("), choice.reason());
    }

    @Test
    void cudaIsAlwaysAskedForButNvencOnlyWhenFfmpegListsIt() throws IOException {
        HardwareDecoding.Choice choice = HardwareDecoding.choose(HwAccel.CUDA,
                capabilities(Set.of("cuda"), Set.of("libopenh264")), ffmpeg("nothing"), sample());

        assertEquals(CUDA, choice.arguments());
        assertFalse(choice.nvenc());
        assertEquals("Decoding with CUDA (processing.hwaccel: cuda); failures fall back to the CPU.", choice.reason());
    }

    @Test
    void noneRunsNoTestAtAll() throws IOException {
        HardwareDecoding.Choice choice = HardwareDecoding.choose(HwAccel.NONE,
                capabilities(Set.of("cuda"), Set.of("h264_nvenc")), ffmpeg(""), sample());

        assertEquals(HardwareDecoding.Choice.cpu("Decoding on the CPU (processing.hwaccel: none)."), choice);
    }
}
