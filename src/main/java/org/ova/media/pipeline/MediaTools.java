package org.ova.media.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegRunner;

/**
 * What steps use to run ffmpeg: the runner, what the binary can do, the decoding arguments
 * (hardware or CPU), whether NVENC encodes, and the thread count per job.
 *
 * @param decodeArguments input options placed before {@code -i}, e.g. {@code -hwaccel cuda}; empty for the CPU
 * @param nvenc           encode H.264 with NVENC (a test encode worked)
 * @param threads         ffmpeg {@code -threads}; 0 lets ffmpeg decide
 */
public record MediaTools(
        FfmpegRunner ffmpeg,
        FfmpegCapabilities capabilities,
        List<String> decodeArguments,
        boolean nvenc,
        int threads) {

    public MediaTools {
        decodeArguments = List.copyOf(decodeArguments);
    }

    /** The same tools all on the CPU, for the fallback after a hardware failure. */
    public MediaTools onCpu() {
        return new MediaTools(ffmpeg, capabilities, List.of(), false, threads);
    }

    /** The same tools with the hardware a build chose (see {@link HardwareDecoding}). */
    public MediaTools with(HardwareDecoding.Choice hardware) {
        return new MediaTools(ffmpeg, capabilities, hardware.arguments(), hardware.nvenc(), threads);
    }

    /** {@code -threads N} when a thread count is set, to place among the output options. */
    public List<String> threadArguments() {
        return threads > 0 ? List.of("-threads", Integer.toString(threads)) : List.of();
    }

    /**
     * Decoding options followed by {@code -i FILE}. A set thread count applies to the decoder too:
     * with several jobs at once, decoders that each start a thread per core only fight over the
     * cores (measured: a 10-input preview ran 1.76x faster two at a time with one decoder thread
     * each, against 1.28x with ffmpeg's default).
     */
    public List<String> input(Path file, String... inputOptions) {
        List<String> arguments = new ArrayList<>(decodeArguments);
        arguments.addAll(threadArguments());
        arguments.addAll(List.of(inputOptions));
        arguments.add("-i");
        arguments.add(file.toString());
        return arguments;
    }
}
