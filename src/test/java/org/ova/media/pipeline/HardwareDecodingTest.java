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
 * The choice itself, with stand-ins for ffmpeg that answer as machines with or without a working GPU
 * would (real runs on an NVIDIA H200, which decodes but has no NVENC: bench/hwaccel.sh).
 */
class HardwareDecodingTest {

    private static final List<String> CUDA = List.of("-hwaccel", "cuda");

    @TempDir
    Path dir;

    /**
     * An ffmpeg that succeeds at once, except for the runs whose arguments contain {@code failing}
     * (they fail as without a GPU) or {@code slow} (they take 0.5 s).
     */
    private MediaTools tools(String failing, String slow, Set<String> encoders) throws IOException {
        Path script = Files.createTempFile(dir, "ffmpeg", "");
        Files.writeString(
                script,
                "#!/bin/sh\ncase \"$*\" in *'" + failing + "'*) echo 'Cannot load libcuda.so.1' >&2;"
                        + " exit 1;; esac\ncase \"$*\" in *'" + slow + "'*) sleep 0.5;; esac\nexit 0\n");
        assertTrue(script.toFile().setExecutable(true));
        FfmpegCapabilities capabilities =
                new FfmpegCapabilities("7.1.1", Set.of("cuda"), encoders, Set.of("h264"), Set.of("scale"));
        return new MediaTools(new FfmpegRunner(script, Duration.ofSeconds(10)), capabilities, List.of(), false, 0);
    }

    private Optional<Path> sample() {
        return Optional.of(dir.resolve("clip.mp4"));
    }

    private static final String CPU_RACE = "-v error -t 3 -i";
    private static final String GPU_RACE = "-hwaccel cuda -t 3 -i";
    private static final Set<String> WITH_NVENC = Set.of("h264_nvenc", "libopenh264");

    @Test
    void autoDecodesWithCudaWhenItIsFasterAndEncodesWithNvencWhenATestEncodeWorks() throws IOException {
        HardwareDecoding.Choice choice =
                HardwareDecoding.choose(HwAccel.AUTO, tools("no run", CPU_RACE, WITH_NVENC), sample());

        assertEquals(CUDA, choice.arguments());
        assertTrue(choice.nvenc());
        assertTrue(
                choice.reason()
                        .matches("Decoding with CUDA: faster on a test video \\(0\\.\\d\\d s with CUDA, "
                                + "0\\.[5-9]\\d s on the CPU\\)\\. Web proxies are encoded with NVENC\\."),
                choice.reason());
    }

    @Test
    void autoDecodesOnTheCpuWhenItIsFasterAndStillUsesAWorkingNvenc() throws IOException {
        HardwareDecoding.Choice choice =
                HardwareDecoding.choose(HwAccel.AUTO, tools("no run", GPU_RACE, WITH_NVENC), sample());

        assertEquals(List.of(), choice.arguments());
        assertTrue(choice.nvenc());
        assertTrue(choice.reason().startsWith("Decoding on the CPU: faster on a test video ("), choice.reason());
    }

    @Test
    void aGpuWithoutAVideoEncoderEncodesWebProxiesOnTheCpu() throws IOException {
        HardwareDecoding.Choice choice =
                HardwareDecoding.choose(HwAccel.AUTO, tools("h264_nvenc", CPU_RACE, WITH_NVENC), sample());

        assertEquals(CUDA, choice.arguments());
        assertFalse(choice.nvenc());
        assertTrue(
                choice.reason()
                        .endsWith(" Web proxies are encoded on the CPU: NVENC is not usable here (ffmpeg "
                                + "failed making an NVENC test encode: Cannot load libcuda.so.1)."),
                choice.reason());
    }

    @Test
    void autoStaysOnTheCpuWithoutTestingNvencWhenCudaCannotDecode() throws IOException {
        HardwareDecoding.Choice choice =
                HardwareDecoding.choose(HwAccel.AUTO, tools("hwaccel cuda", "no run", WITH_NVENC), sample());

        assertEquals(
                HardwareDecoding.Choice.cpu("Decoding on the CPU: CUDA is not usable here (ffmpeg failed making "
                        + "a CUDA test decode: Cannot load libcuda.so.1)."),
                choice);
    }

    @Test
    void cudaIsAlwaysAskedForButNvencOnlyWhenFfmpegListsIt() throws IOException {
        HardwareDecoding.Choice choice =
                HardwareDecoding.choose(HwAccel.CUDA, tools("no run", "no run", Set.of("libopenh264")), sample());

        assertEquals(
                new HardwareDecoding.Choice(
                        CUDA, false, "Decoding with CUDA (processing.hwaccel: cuda); failures fall back to the CPU."),
                choice);
    }

    @Test
    void noneRunsNoTestAtAll() throws IOException {
        HardwareDecoding.Choice choice = HardwareDecoding.choose(HwAccel.NONE, tools("", "", WITH_NVENC), sample());

        assertEquals(HardwareDecoding.Choice.cpu("Decoding on the CPU (processing.hwaccel: none)."), choice);
    }

    @Test
    void cudaProblemIsWhatAutosTestDecodeFindsForDoctorToReport() throws IOException {
        assertEquals(
                Optional.of("ffmpeg failed making a CUDA test decode: Cannot load libcuda.so.1"),
                HardwareDecoding.cudaProblem(tools("hwaccel cuda", "no run", WITH_NVENC), sample().get()));
        assertEquals(
                Optional.empty(), HardwareDecoding.cudaProblem(tools("no run", "no run", WITH_NVENC), sample().get()));
    }
}
