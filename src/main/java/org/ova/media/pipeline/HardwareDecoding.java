package org.ova.media.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ova.media.MediaException;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.repo.config.HwAccel;

/**
 * Chooses the decoding arguments for a build from {@code processing.hwaccel}: {@code none} decodes on
 * the CPU; {@code cuda} always asks for CUDA; {@code auto} uses CUDA only when this ffmpeg lists it
 * and a one-frame test decode works on this machine. When decoding on the GPU, a one-frame test encode
 * also says whether NVENC can encode web proxies: ffmpeg builds list it whatever the GPU, and data
 * centre GPUs (A100, H100, H200) have no video encoder at all. Whatever is chosen, a video whose GPU
 * work fails is redone on the CPU by the pipeline, so hardware never fails a build.
 */
public final class HardwareDecoding {

    private static final List<String> CUDA = List.of("-hwaccel", "cuda");

    private HardwareDecoding() {
    }

    /**
     * @param sample a video to test-decode, when there is one to process
     * @return the input arguments and a sentence for the log saying what was chosen and why
     */
    public static Choice choose(HwAccel mode, FfmpegCapabilities capabilities, FfmpegRunner ffmpeg,
                                Optional<Path> sample) {
        return switch (mode) {
            case NONE -> Choice.cpu("Decoding on the CPU (processing.hwaccel: none).");
            case CUDA -> onGpu("Decoding with CUDA (processing.hwaccel: cuda); failures fall back to the CPU.",
                    capabilities, ffmpeg, sample);
            case AUTO -> {
                if (!capabilities.hasHwaccel("cuda")) {
                    yield Choice.cpu("Decoding on the CPU: this ffmpeg has no CUDA support.");
                }
                if (sample.isEmpty()) {
                    yield Choice.cpu("Decoding on the CPU: nothing to test CUDA on.");
                }
                try {
                    ffmpeg.run(sample.get(), "a CUDA test decode",
                            List.of("-v", "error", "-hwaccel", "cuda", "-hwaccel_output_format", "cuda",
                                    "-i", sample.get().toString(), "-frames:v", "1", "-f", "null", "-"));
                    yield onGpu("Decoding with CUDA: a test decode worked.", capabilities, ffmpeg, sample);
                } catch (MediaException e) {
                    yield Choice.cpu("Decoding on the CPU: CUDA is not usable here (" + e.getMessage() + ").");
                }
            }
        };
    }

    private static Choice onGpu(String reason, FfmpegCapabilities capabilities, FfmpegRunner ffmpeg,
                                Optional<Path> sample) {
        if (!capabilities.hasEncoder("h264_nvenc")) {
            return new Choice(CUDA, false, reason);
        }
        try {
            ffmpeg.run(sample.orElse(Path.of("nvenc-test")), "an NVENC test encode",
                    List.of("-v", "error", "-f", "lavfi", "-i", "color=size=256x256:rate=1", "-frames:v", "1",
                            "-c:v", "h264_nvenc", "-f", "null", "-"));
            return new Choice(CUDA, true, reason + " Web proxies are encoded with NVENC.");
        } catch (MediaException e) {
            return new Choice(CUDA, false, reason + " Web proxies are encoded on the CPU: NVENC is not usable here ("
                    + e.getMessage() + ").");
        }
    }

    /**
     * The decoding arguments, whether NVENC encodes, and why.
     *
     * @param arguments input options for decoding, empty for the CPU
     * @param nvenc     whether NVENC works here (only ever true when decoding on the GPU)
     */
    public record Choice(List<String> arguments, boolean nvenc, String reason) {

        /** Everything on the CPU. */
        public static Choice cpu(String reason) {
            return new Choice(List.of(), false, reason);
        }
    }
}
