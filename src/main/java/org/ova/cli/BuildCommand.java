package org.ova.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.TreeSet;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.logging.log4j.LogManager;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.LibraryIndexer;
import org.ova.repo.scan.ScanOptions;
import org.ova.repo.yaml.YamlProblem;

/**
 * {@code ova build [DIR]}: reads the command line and the library's config, then hands the phases
 * to a {@link BuildRun}.
 */
final class BuildCommand implements Command {


    @Override
    public String name() {
        return "build";
    }

    @Override
    public String summary() {
        return "Scan, process and render the library site (creates .ova-repo/ the first time)";
    }

    @Override
    public String synopsis() {
        return "[OPTIONS] [DIR]";
    }

    private static final String ONLY = "only";

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt(ONLY).hasArg().argName("PATH")
                .desc("process only this video (repeatable); needed when processing.batch is false").get());
    }

    /** The videos named with --only, as paths relative to the library. */
    private Set<String> onlyPaths(CommandLine line, LibraryLayout layout) {
        Set<String> paths = new TreeSet<>();
        for (String value : line.getOptionValues(ONLY) == null ? new String[0] : line.getOptionValues(ONLY)) {
            Path path = Path.of(value);
            Path absolute = path.isAbsolute() ? path : Path.of("").toAbsolutePath().resolve(path);
            Path inLibrary = Files.exists(absolute) ? absolute : layout.root().resolve(value);
            if (!inLibrary.toAbsolutePath().normalize().startsWith(layout.root())) {
                throw new UsageException(name(), "--only " + value + " is not inside the library " + layout.root());
            }
            paths.add(layout.relativize(inLibrary));
        }
        return paths;
    }

    @Override
    public String examples() {
        return """
                  ova build                   the library in the current folder
                  ova build ~/Videos          the library in ~/Videos
                  ova build -q ~/Videos       only warnings and errors
                  ova build --only "trips/beach.mp4" ~/Videos
                                              process just one video
                """;
    }

    @Override
    public int run(CommandLine line, Console console) {
        LibraryLayout layout = LibraryArgument.resolve(line, name());
        Set<String> only = onlyPaths(line, layout);
        boolean initialized = InitCommand.create(layout);
        OvaConfig config;
        try {
            config = LibraryOpener.readConfig(layout);
        } catch (YamlProblem e) {
            // the console shows it as a usage error; the library's log keeps it too
            Logging.configure(console.verbosity(), console.debug(), Optional.of(layout.logFile()));
            LogManager.getLogger(BuildCommand.class).debug("Build stopped: config.yaml is invalid:\n{}", e.getMessage());
            throw new UsageException(name(), e.getMessage() + " (fix config.yaml and run again)");
        }
        // Log4j takes about 0.3 s of one core to set up; the library is scanned on another meanwhile
        ScanOptions scanOptions = ScanOptions.from(config.library());
        long scanStarted = System.nanoTime();
        CompletableFuture<IndexResult> scan = CompletableFuture.supplyAsync(
                () -> new LibraryIndexer(scanOptions).index(layout));
        Logging.configure(console.verbosity(), console.debug(), Optional.of(layout.logFile()));
        return new BuildRun(layout, config, only, console).run(initialized, scan, scanStarted);
    }
}
