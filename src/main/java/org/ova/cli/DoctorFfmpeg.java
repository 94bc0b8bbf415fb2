package org.ova.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegCapabilitiesReader;
import org.ova.media.ffmpeg.FfmpegException;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegLocator;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.media.pipeline.HardwareDecoding;
import org.ova.media.pipeline.MediaTools;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.HwAccel;
import org.ova.repo.config.OvaConfig;

/** The ffmpeg part of {@code ova doctor}: which one and why, what it can encode, and whether CUDA works. */
final class DoctorFfmpeg {

    /** A test decode of a few seconds; a CUDA set-up that hangs must not hang the doctor. */
    private static final Duration TEST_LIMIT = Duration.ofMinutes(1);

    private final DoctorFindings findings;

    DoctorFfmpeg(DoctorFindings findings) {
        this.findings = findings;
    }

    /** @param sample a video of the library to test CUDA decoding on, when there is one */
    void check(LibraryLayout layout, OvaConfig config, Optional<Path> sample) {
        FfmpegInstallation found;
        try {
            found = FfmpegLocator.forLibrary(layout, config.ffmpeg());
        } catch (FfmpegException e) {
            findings.problem("ffmpeg", "NOT USABLE: " + e.getMessage(), e.getMessage());
            return;
        }
        findings.row("ffmpeg", found.ffmpeg().toString());
        findings.row("ffprobe", found.ffprobe().toString());
        findings.row("why", found.why());
        FfmpegCapabilities capabilities;
        try {
            capabilities = new FfmpegCapabilitiesReader().read(found.ffmpeg());
        } catch (FfmpegException e) {
            findings.problem("version", "FAILED: " + e.getMessage(), e.getMessage());
            return;
        }
        describe(capabilities);
        checkCuda(
                config.processing().hwaccel(),
                new MediaTools(new FfmpegRunner(found.ffmpeg(), TEST_LIMIT), capabilities, List.of(), false, 0),
                sample);
    }

    private void describe(FfmpegCapabilities capabilities) {
        findings.row("version", capabilities.version());
        findings.row(
                "hwaccels",
                capabilities.hwaccels().isEmpty()
                        ? "none (CPU decoding)"
                        : String.join(", ", new TreeSet<>(capabilities.hwaccels())));
        List<String> encoders = new ArrayList<>();
        capabilities
                .h264Encoder()
                .ifPresentOrElse(
                        name -> encoders.add("H.264 " + name),
                        () -> encoders.add("no H.264 encoder (previews fall back to WebM)"));
        if (capabilities.hasEncoder("h264_nvenc")) {
            encoders.add("h264_nvenc (NVIDIA GPUs, for web proxies)");
        }
        for (String name : List.of("libvpx-vp9", "libvpx", "aac", "libopus", "mjpeg")) {
            if (capabilities.hasEncoder(name)) {
                encoders.add(name);
            }
        }
        findings.row("encoders", String.join(", ", encoders));
        if (capabilities.h264Encoder().isEmpty() && !capabilities.hasEncoder("libvpx")) {
            findings.problem(
                    "encoders",
                    "NO PREVIEWS: neither H.264 nor VP8",
                    "ffmpeg has neither an H.264 nor a VP8 encoder: previews cannot be made");
        }
    }

    /** The test decode a build's {@code auto} makes ({@link HardwareDecoding#cudaProblem}); a problem if required. */
    private void checkCuda(HwAccel mode, MediaTools tools, Optional<Path> sample) {
        if (mode == HwAccel.NONE) {
            findings.row("cuda", "not used (processing.hwaccel: none)");
            return;
        }
        if (sample.isEmpty()) {
            boolean listed = tools.capabilities().hasHwaccel("cuda");
            String shown =
                    listed ? "listed by ffmpeg; not tested (no video in the library yet)" : "not in this ffmpeg build";
            report(mode, listed ? Optional.empty() : Optional.of(shown), shown);
            return;
        }
        Optional<String> problem = HardwareDecoding.cudaProblem(tools, sample.get());
        report(
                mode,
                problem,
                "decodes " + sample.get().getFileName() + " (processing.hwaccel: " + mode.yamlName() + ")");
    }

    /** {@code auto} falls back to the CPU, so only a required CUDA that does not work is a problem. */
    private void report(HwAccel mode, Optional<String> problem, String fine) {
        if (problem.isEmpty()) {
            findings.row("cuda", fine);
        } else if (mode == HwAccel.AUTO) {
            findings.row("cuda", "not usable (" + problem.get() + "); processing.hwaccel: auto decodes on the CPU");
        } else {
            findings.problem(
                    "cuda",
                    "CANNOT LOAD: " + problem.get(),
                    "processing.hwaccel is cuda, but CUDA cannot"
                            + " decode here (" + problem.get()
                            + "): every video is tried on the GPU, then redone on the"
                            + " CPU; set processing.hwaccel to auto or none in .ova-repo/config.yaml");
        }
    }
}
