package org.ova.media.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ova.media.MediaException;
import org.ova.repo.config.HwAccel;

/**
 * Chooses the GPU work of a build from {@code processing.hwaccel}. {@code none} keeps everything on
 * the CPU; {@code cuda} always decodes with CUDA; {@code auto} decodes a few seconds of a video to
 * process both ways and keeps the faster, so a GPU is used where it pays. It often does not: every
 * ffmpeg run sets up CUDA anew, and most of ova's runs decode little (one frame for a thumbnail, key
 * frames for sprites): on an H200 beside 16 cores, ova processed four videos in 25 s with CUDA and in
 * 18.5 s on the CPU (bench/hwaccel.sh). On a small CPU with large HEVC files it is the other way
 * round. A one-frame test encode also says whether NVENC can encode web proxies: ffmpeg builds list
 * it whatever the GPU, and data centre GPUs (A100, H100, H200) have no video encoder. Whatever is
 * chosen, a video whose GPU work fails is redone on the CPU by the pipeline, so hardware never fails
 * a build.
 */
public final class HardwareDecoding {

    private static final List<String> CUDA = List.of("-hwaccel", "cuda");
    /** How much of the sample {@code auto} decodes each way: about what a preview step decodes. */
    private static final String RACE_SECONDS = "3";

    private HardwareDecoding() {}

    /**
     * Decides how videos are decoded and whether NVENC encodes, for the configured mode.
     *
     * @param tools  the tools (ffmpeg, what it can do, threads per job), decoding on the CPU
     * @param sample a video to test-decode, when there is one to process
     * @return the input arguments, whether NVENC encodes, and a sentence for the log saying why
     */
    public static Choice choose(HwAccel mode, MediaTools tools, Optional<Path> sample) {
        return switch (mode) {
            case NONE -> Choice.cpu("Decoding on the CPU (processing.hwaccel: none).");
            case CUDA ->
                withEncoder(
                        new Choice(
                                CUDA,
                                false,
                                "Decoding with CUDA (processing.hwaccel: cuda); failures fall back to the CPU."),
                        tools);
            case AUTO -> {
                if (!tools.capabilities().hasHwaccel("cuda")) {
                    yield Choice.cpu("Decoding on the CPU: this ffmpeg has no CUDA support.");
                }
                if (sample.isEmpty()) {
                    yield Choice.cpu("Decoding on the CPU: nothing to test CUDA on.");
                }
                double gpu;
                try {
                    gpu = secondsToDecode(tools, sample.get(), CUDA);
                } catch (MediaException e) {
                    yield Choice.cpu("Decoding on the CPU: CUDA is not usable here (" + e.getMessage() + ").");
                }
                double cpu;
                try {
                    cpu = secondsToDecode(tools, sample.get(), List.of());
                } catch (MediaException e) {
                    cpu = Double.POSITIVE_INFINITY;
                }
                String times = String.format(Locale.ROOT, "%.2f s with CUDA, %.2f s on the CPU", gpu, cpu);
                yield withEncoder(
                        gpu < cpu
                                ? new Choice(CUDA, false, "Decoding with CUDA: faster on a test video (" + times + ").")
                                : Choice.cpu("Decoding on the CPU: faster on a test video (" + times + ")."),
                        tools);
            }
        };
    }

    /**
     * Why CUDA cannot decode {@code sample} here, or empty when it can: the test decode {@code auto}
     * makes before it races CUDA against the CPU, for {@code ova doctor} to report what a build would find.
     */
    public static Optional<String> cudaProblem(MediaTools tools, Path sample) {
        if (!tools.capabilities().hasHwaccel("cuda")) {
            return Optional.of("this ffmpeg has no CUDA support");
        }
        try {
            secondsToDecode(tools, sample, CUDA);
            return Optional.empty();
        } catch (MediaException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The wall time of one ffmpeg run decoding the start of {@code sample} as a processing step would. */
    private static double secondsToDecode(MediaTools tools, Path sample, List<String> decoding) {
        List<String> arguments = new ArrayList<>(List.of("-v", "error"));
        arguments.addAll(decoding);
        arguments.addAll(tools.threadArguments());
        arguments.addAll(List.of("-t", RACE_SECONDS, "-i", sample.toString(), "-an", "-sn", "-dn", "-f", "null", "-"));
        long start = System.nanoTime();
        tools.ffmpeg().run(sample, decoding.isEmpty() ? "a test decode" : "a CUDA test decode", arguments);
        return (System.nanoTime() - start) / 1e9;
    }

    private static Choice withEncoder(Choice decoding, MediaTools tools) {
        if (!tools.capabilities().hasEncoder("h264_nvenc")) {
            return decoding;
        }
        try {
            tools.ffmpeg()
                    .run(
                            Path.of("nvenc-test"),
                            "an NVENC test encode",
                            List.of(
                                    "-v",
                                    "error",
                                    "-f",
                                    "lavfi",
                                    "-i",
                                    "color=size=256x256:rate=1",
                                    "-frames:v",
                                    "1",
                                    "-c:v",
                                    "h264_nvenc",
                                    "-f",
                                    "null",
                                    "-"));
            return new Choice(decoding.arguments(), true, decoding.reason() + " Web proxies are encoded with NVENC.");
        } catch (MediaException e) {
            return new Choice(
                    decoding.arguments(),
                    false,
                    decoding.reason() + " Web proxies are encoded on the CPU: NVENC is not usable here ("
                            + e.getMessage() + ").");
        }
    }

    /**
     * The decoding arguments, whether NVENC encodes, and why.
     *
     * @param arguments input options for decoding, empty for the CPU
     * @param nvenc     whether NVENC works here
     */
    public record Choice(List<String> arguments, boolean nvenc, String reason) {

        /** Everything on the CPU. */
        public static Choice cpu(String reason) {
            return new Choice(List.of(), false, reason);
        }
    }
}
