package org.ova.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.media.pipeline.ProcessingState;
import org.ova.repo.LibraryCheck;
import org.ova.repo.LibraryLayout;
import org.ova.repo.Shard;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.yaml.YamlProblem;
import org.ova.site.SiteBuilder;
import org.ova.site.SiteException;

/**
 * {@code ova doctor [DIR]}: says what ova will use and whether it is healthy — Java, which ffmpeg
 * and why, its hardware decoders and encoders, whether CUDA loads, the configuration, the theme,
 * whether {@code .ova-repo} is writable and the library — so a problem is found before a long build.
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
    public String examples() {
        return """
                  ova doctor ~/Videos   check everything a build of ~/Videos will use
                """;
    }

    @Override
    public int run(CommandLine line, Console console) {
        LibraryLayout layout = LibraryArgument.resolve(line, name());
        DoctorFindings findings = new DoctorFindings(console);
        console.out().println("ova " + Version.current() + " doctor: " + layout.root());
        findings.row(
                "java",
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") at "
                        + System.getProperty("java.home"));

        OvaConfig config = readConfig(layout, findings);
        checkTheme(config.site().theme(), findings);
        checkWritable(layout, findings);
        LibraryCheck.Result library = LibraryCheck.check(layout, config);
        new DoctorFfmpeg(findings).check(layout, config, library.sample());

        findings.row(
                "library",
                library.videos() + " videos in " + library.folders() + " folders, " + library.metadataFiles()
                        + " with metadata files, " + library.playlists() + " playlists");
        List<Shard> shards = ProcessingState.shardsLeft(layout.processingStateFile());
        if (!shards.isEmpty()) {
            findings.row(
                    "shards",
                    shards.stream().map(Shard::toString).collect(Collectors.joining(", "))
                            + " left their states; 'ova build --render-only' merges them and renders the site");
        }
        library.warnings().forEach(warning -> findings.row("warning", warning));
        library.problems().forEach(problem -> findings.problem("INVALID", problem, problem));

        List<String> problems = findings.problems();
        if (Files.isDirectory(layout.logsDir())) {
            // doctor changes nothing, but leaves its findings in an existing library's log
            Logging.configure(console.verbosity(), console.debug(), Optional.of(layout.logFile()));
            Logger log = LogManager.getLogger(DoctorCommand.class);
            log.debug("ova doctor {}: {} problems", layout.root(), problems.size());
            problems.forEach(problem -> log.debug("doctor: {}", problem));
        }
        if (problems.isEmpty()) {
            console.out().println("\nAll good.");
            return ExitCode.OK;
        }
        console.out()
                .println("\n" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                        + " to fix (see above).");
        return ExitCode.COMPLETED_WITH_FAILURES;
    }

    private static OvaConfig readConfig(LibraryLayout layout, DoctorFindings findings) {
        if (!Files.exists(layout.configFile())) {
            findings.row(
                    "config",
                    "no " + layout.relativize(layout.configFile()) + " yet: defaults apply ('ova init' writes it)");
            return OvaConfig.defaults();
        }
        try {
            OvaConfig config = LibraryOpener.readConfig(layout);
            findings.row("config", layout.relativize(layout.configFile()) + " is valid");
            return config;
        } catch (YamlProblem e) {
            findings.problem("config", "INVALID: " + e.getMessage(), e.getMessage());
            return OvaConfig.defaults();
        }
    }

    private static void checkTheme(String theme, DoctorFindings findings) {
        try {
            SiteBuilder.requireTheme(theme);
            findings.row("theme", theme);
        } catch (SiteException e) {
            findings.problem("theme", "UNKNOWN: " + e.getMessage(), e.getMessage());
        }
    }

    /** A build writes metadata, media and the site into {@code .ova-repo} (or creates it in the library folder). */
    private static void checkWritable(LibraryLayout layout, DoctorFindings findings) {
        Path repo = layout.repoDir();
        String problem;
        if (Files.exists(repo) && !Files.isDirectory(repo)) {
            problem = repo + " is a file, not a folder: move it away so ova can create its folder there";
        } else if (Files.isDirectory(repo) ? !Files.isWritable(repo) : !Files.isWritable(layout.root())) {
            Path folder = Files.isDirectory(repo) ? repo : layout.root();
            problem = folder + " is not writable: a build cannot save metadata, media or the site there"
                    + " (give your user write access, or copy the library to a writable disk)";
        } else {
            findings.row("writable", Files.isDirectory(repo) ? LibraryLayout.REPO_DIR : "the library folder");
            return;
        }
        findings.problem("writable", "NO: " + problem, problem);
    }
}
