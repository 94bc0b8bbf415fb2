package org.ova.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegCapabilitiesReader;
import org.ova.media.ffmpeg.FfmpegException;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.repo.LibraryCheck;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.yaml.YamlProblem;

/**
 * {@code ova doctor [DIR]}: says what ova will use and whether it is healthy — Java, which ffmpeg
 * and why, its hardware decoders and encoders, the configuration and the library — so a problem
 * is found before a long build.
 */
final class DoctorCommand implements Command {

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String summary() {
        return "Check Java, ffmpeg (which one and why), the configuration and the library";
    }

    @Override
    public String synopsis() {
        return "[DIR]";
    }

    @Override
    public String examples() {
        return """
                  ova doctor ~/Videos   check everything a build of ~/Videos will use
                """;
    }

    @Override
    public int run(CommandLine line, Console console) {
        LibraryLayout layout = LibraryArgument.resolve(line, name());
        List<String> problems = new ArrayList<>();
        console.out().println("ova " + Version.current() + " doctor: " + layout.root());
        row(console, "java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home"));

        OvaConfig config = OvaConfig.defaults();
        if (!java.nio.file.Files.exists(layout.configFile())) {
            row(console, "config", "no " + layout.relativize(layout.configFile())
                    + " yet: defaults apply ('ova init' writes it)");
        } else {
            try {
                config = LibraryOpener.readConfig(layout);
                row(console, "config", layout.relativize(layout.configFile()) + " is valid");
            } catch (YamlProblem e) {
                row(console, "config", "INVALID: " + e.getMessage());
                problems.add(e.getMessage());
            }
        }

        Optional<FfmpegInstallation> installation = locateFfmpeg(layout, config, console, problems);
        installation.ifPresent(found -> describeCapabilities(found, console, problems));

        LibraryCheck.Result library = LibraryCheck.check(layout, config);
        row(console, "library", library.videos() + " videos in " + library.folders() + " folders, "
                + library.metadataFiles() + " with metadata files, " + library.playlists() + " playlists");
        library.warnings().forEach(warning -> row(console, "warning", warning));
        library.problems().forEach(problem -> row(console, "INVALID", problem));
        problems.addAll(library.problems());

        if (java.nio.file.Files.isDirectory(layout.logsDir())) {
            // doctor changes nothing, but leaves its findings in an existing library's log
            Logging.configure(console.verbosity(), console.debug(), Optional.of(layout.logFile()));
            org.apache.logging.log4j.Logger log = org.apache.logging.log4j.LogManager.getLogger(DoctorCommand.class);
            log.debug("ova doctor {}: {} problems", layout.root(), problems.size());
            problems.forEach(problem -> log.debug("doctor: {}", problem));
        }
        if (problems.isEmpty()) {
            console.out().println("\nAll good.");
            return ExitCode.OK;
        }
        console.out().println("\n" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " to fix (see above).");
        return ExitCode.COMPLETED_WITH_FAILURES;
    }

    private static Optional<FfmpegInstallation> locateFfmpeg(LibraryLayout layout, OvaConfig config,
                                                           Console console, List<String> problems) {
        try {
            FfmpegInstallation found = LibraryOpener.locateFfmpeg(layout, config);
            row(console, "ffmpeg", found.ffmpeg().toString());
            row(console, "ffprobe", found.ffprobe().toString());
            row(console, "why", found.why());
            return Optional.of(found);
        } catch (FfmpegException e) {
            row(console, "ffmpeg", "NOT USABLE: " + e.getMessage());
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    private static void describeCapabilities(FfmpegInstallation installation, Console console, List<String> problems) {
        try {
            FfmpegCapabilities capabilities = new FfmpegCapabilitiesReader().read(installation.ffmpeg());
            row(console, "version", capabilities.version());
            row(console, "hwaccels", capabilities.hwaccels().isEmpty() ? "none (CPU decoding)"
                    : String.join(", ", new TreeSet<>(capabilities.hwaccels())));
            row(console, "cuda", capabilities.hasHwaccel("cuda")
                    ? "listed by ffmpeg; processing.hwaccel: auto tries it per video and falls back to the CPU"
                    : "not in this ffmpeg build; decoding runs on the CPU");
            List<String> encoders = new ArrayList<>();
            capabilities.h264Encoder().ifPresentOrElse(name -> encoders.add("H.264 " + name),
                    () -> encoders.add("no H.264 encoder (previews fall back to WebM)"));
            if (capabilities.hasEncoder("h264_nvenc")) {
                encoders.add("h264_nvenc (NVIDIA GPUs, for web proxies)");
            }
            for (String name : List.of("libvpx-vp9", "libvpx", "aac", "libopus", "mjpeg")) {
                if (capabilities.hasEncoder(name)) {
                    encoders.add(name);
                }
            }
            row(console, "encoders", String.join(", ", encoders));
            if (capabilities.h264Encoder().isEmpty() && !capabilities.hasEncoder("libvpx")) {
                problems.add("ffmpeg has neither an H.264 nor a VP8 encoder: previews cannot be made");
            }
        } catch (FfmpegException e) {
            row(console, "version", "FAILED: " + e.getMessage());
            problems.add(e.getMessage());
        }
    }

    private static void row(Console console, String label, String value) {
        console.out().printf("  %-9s %s%n", label, value);
    }
}
