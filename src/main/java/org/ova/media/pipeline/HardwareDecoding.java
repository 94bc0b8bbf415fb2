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
 * and a one-frame test decode works on this machine. Whatever is chosen, a video whose GPU decoding
 * fails is redone on the CPU by the pipeline, so hardware never fails a build.
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
            case NONE -> new Choice(List.of(), "Decoding on the CPU (processing.hwaccel: none).");
            case CUDA -> new Choice(CUDA, "Decoding with CUDA (processing.hwaccel: cuda); failures fall back to the CPU.");
            case AUTO -> {
                if (!capabilities.hasHwaccel("cuda")) {
                    yield new Choice(List.of(), "Decoding on the CPU: this ffmpeg has no CUDA support.");
                }
                if (sample.isEmpty()) {
                    yield new Choice(List.of(), "Decoding on the CPU: nothing to test CUDA on.");
                }
                try {
                    ffmpeg.run(sample.get(), "a CUDA test decode",
                            List.of("-v", "error", "-hwaccel", "cuda", "-hwaccel_output_format", "cuda",
                                    "-i", sample.get().toString(), "-frames:v", "1", "-f", "null", "-"));
                    yield new Choice(CUDA, "Decoding with CUDA: a test decode worked.");
                } catch (MediaException e) {
                    yield new Choice(List.of(), "Decoding on the CPU: CUDA is not usable here (" + e.getMessage() + ").");
                }
            }
        };
    }

    /** The decoding arguments and why they were chosen. */
    public record Choice(List<String> arguments, String reason) {
    }
}
