package org.ova.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.LeftoverTempFiles;
import org.ova.repo.LibraryHold;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryLock;
import org.ova.repo.Shard;
import org.ova.repo.ShardLock;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.LibraryIndexer;
import org.ova.repo.scan.ScanOptions;
import org.ova.repo.yaml.YamlProblem;
import org.ova.site.publish.PublishException;
import org.ova.site.publish.PublishOptions;
import org.ova.site.publish.Publisher;

/**
 * {@code ova build [DIR]}: reads the command line and the library's config, takes the library's lock,
 * then hands the phases to a {@link BuildRun}.
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

    private static final String ONLY = "only";
    private static final String PUBLISH = "publish";
    private static final String WAIT = "wait";
    private static final String SHARD = "shard";
    private static final String RENDER_ONLY = "render-only";

    @Override
    public Options options() {
        Options options = new Options()
                .addOption(Option.builder()
                        .longOpt(ONLY)
                        .hasArg()
                        .argName("PATH")
                        .desc("process only this video (repeatable); needed when processing.batch is false")
                        .get())
                .addOption(Option.builder()
                        .longOpt(PUBLISH)
                        .hasArg()
                        .argName("OUT")
                        .desc("then publish the site into OUT, as 'ova publish --to OUT' does")
                        .get())
                .addOption(Option.builder()
                        .longOpt(SHARD)
                        .hasArg()
                        .argName("I/N")
                        .desc("process shard I of N (e.g. 2/3), beside the other shards on other machines, then"
                                + " help those still running; renders nothing (see --render-only)")
                        .get())
                .addOption(Option.builder()
                        .longOpt(RENDER_ONLY)
                        .desc("once every shard is done: merge their work, name any video left unprocessed,"
                                + " and render the site")
                        .get());
        return addWait(PublishFlags.addTo(options));
    }

    /** {@code --wait}: every command that takes the library's lock accepts it. */
    static Options addWait(Options options) {
        return options.addOption(Option.builder()
                .longOpt(WAIT)
                .desc("when another ova is working on this library, wait for it instead of stopping")
                .get());
    }

    /** The videos named with --only, as paths relative to the library. */
    private static Set<String> onlyPaths(CommandLine line, LibraryLayout layout, String command) {
        Set<String> paths = new TreeSet<>();
        for (String value : line.getOptionValues(ONLY) == null ? new String[0] : line.getOptionValues(ONLY)) {
            Path path = Path.of(value);
            Path absolute =
                    path.isAbsolute() ? path : Path.of("").toAbsolutePath().resolve(path);
            Path inLibrary = Files.exists(absolute) ? absolute : layout.root().resolve(value);
            if (!inLibrary.toAbsolutePath().normalize().startsWith(layout.root())) {
                throw new UsageException(command, "--only " + value + " is not inside the library " + layout.root());
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
                  ova build --publish /media/usb/videos ~/Videos
                                              build, then publish onto a USB stick
                  ova build --shard 2/3 /nas/videos
                                              process a third of the library (on one of three machines)
                  ova build --render-only /nas/videos
                                              then, once all three are done, render the site
                """;
    }

    @Override
    public int run(CommandLine line, Console console) {
        Optional<PublishOptions> publish = Optional.ofNullable(line.getOptionValue(PUBLISH))
                .map(out -> PublishFlags.read(line, name(), Path.of(out)));
        if (publish.isEmpty()) {
            PublishFlags.firstUsed(line).ifPresent(flag -> {
                throw new UsageException(name(), "--" + flag + " goes with --publish OUT");
            });
        }
        Optional<Shard> shard = Optional.ofNullable(line.getOptionValue(SHARD)).map(value -> {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new UsageException(name(), "--shard: " + e.getMessage());
            }
        });
        if (shard.isPresent() && (line.hasOption(RENDER_ONLY) || publish.isPresent())) {
            throw new UsageException(
                    name(),
                    "--shard renders nothing: leave out --" + (publish.isPresent() ? PUBLISH : RENDER_ONLY)
                            + ", and run 'ova build --render-only' once every shard is done");
        }
        return build(name(), line, console, publish, shard, line.hasOption(RENDER_ONLY));
    }

    /**
     * The build of {@code ova build} and {@code ova publish}: holds the library's lock (a shard's lock for
     * a shard) throughout, cleans up what a killed ova left, then runs the phases.
     */
    static int build(
            String command,
            CommandLine line,
            Console console,
            Optional<PublishOptions> publish,
            Optional<Shard> shard,
            boolean renderOnly) {
        LibraryLayout layout = LibraryArgument.resolve(line, command);
        Set<String> only = onlyPaths(line, layout, command);
        return withLibrary(
                command,
                line,
                console,
                shard,
                config -> publish.ifPresent(options -> {
                    try {
                        Publisher.checkTarget(layout, options);
                    } catch (PublishException e) {
                        throw new UsageException(command, e.getMessage());
                    }
                }),
                opened -> new BuildRun(layout, opened.config(), only, shard, publish, PublishFlags.force(line), console)
                        .run(renderOnly ? BuildRun.Kind.RENDER_ONLY : BuildRun.Kind.FULL, opened));
    }

    /**
     * A library opened for a command that changes it, with its lock held, its config read, logging
     * set up and its scan under way.
     *
     * @param initialized whether this command created {@code .ova-repo/}
     * @param scanStarted when the scan started ({@link System#nanoTime})
     * @param indexed     to run once the scan's result is in ({@link LibraryHold#indexed})
     */
    record OpenedLibrary(
            LibraryLayout layout,
            OvaConfig config,
            boolean initialized,
            CompletableFuture<IndexResult> scan,
            long scanStarted,
            Runnable indexed) {}

    /**
     * The start every command that writes into the library shares ({@code build}, {@code publish},
     * {@code serve}): takes the library's lock (or, for a shard, the shard's) and holds it while
     * {@code work} runs, reads the config
     * ({@code check} may refuse it before anything is written), cleans up what a killed ova left,
     * starts the scan and configures logging.
     */
    static int withLibrary(
            String command,
            CommandLine line,
            Console console,
            Optional<Shard> shard,
            Consumer<OvaConfig> check,
            ToIntFunction<OpenedLibrary> work) {
        LibraryLayout layout = LibraryArgument.resolve(line, command);
        boolean initialized = InitCommand.create(layout);
        Consumer<String> waiting = line.hasOption(WAIT) ? console.err()::println : null;
        try (LibraryHold lock = shard.isPresent()
                ? ShardLock.acquire(
                        layout, shard.get(), command + " --shard " + shard.get() + " " + layout.root(), waiting)
                : LibraryLock.acquire(layout, command + " " + layout.root(), waiting)) {
            OvaConfig config;
            try {
                config = LibraryOpener.readConfig(layout);
            } catch (YamlProblem e) {
                // the console shows it as a usage error; the library's log keeps it too
                Logging.configure(console.verbosity(), console.debug(), Optional.of(logFile(layout, shard)));
                LogManager.getLogger(BuildCommand.class)
                        .error(Logging.FILE_ONLY, "{} stopped: config.yaml is invalid:\n{}", command, e.getMessage());
                throw new UsageException(command, e.getMessage() + " (fix config.yaml and run again)");
            }
            check.accept(config);
            // before the scan starts writing: its temporary files look the same. Only after a kill: a walk
            // over every metadata file and page would cost each build time for nothing
            List<String> leftovers = lock.mayHaveLeftovers()
                    ? LeftoverTempFiles.remove(layout, config.site().outputDir(layout))
                    : List.of();
            // Log4j takes about 0.3 s of one core to set up; the library is scanned on another meanwhile
            ScanOptions scanOptions = ScanOptions.from(config.library());
            long scanStarted = System.nanoTime();
            CompletableFuture<IndexResult> scan =
                    CompletableFuture.supplyAsync(() -> new LibraryIndexer(scanOptions).index(layout));
            Logging.configure(console.verbosity(), console.debug(), Optional.of(logFile(layout, shard)));
            Logger log = LogManager.getLogger(BuildCommand.class);
            if (!lock.previousHolder().isEmpty()) {
                log.info(
                        "Took over the {} lock of an ova that ended without releasing it ({}).",
                        shard.isPresent() ? "shard's" : "library",
                        lock.previousHolder());
            }
            leftovers.forEach(file -> log.info("Removed '{}', left by an interrupted write.", file));
            return work.applyAsInt(new OpenedLibrary(layout, config, initialized, scan, scanStarted, lock::indexed));
        }
    }

    /** The library's log; each shard has its own, as shards on several machines append at once. */
    private static Path logFile(LibraryLayout layout, Optional<Shard> shard) {
        return shard.map(part -> layout.logsDir().resolve("ova." + part.fileName() + ".log"))
                .orElse(layout.logFile());
    }
}
