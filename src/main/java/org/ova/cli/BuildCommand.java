package org.ova.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.BuildReport;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryLoader;
import org.ova.repo.LogLevels;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.playlist.ManualPlaylist;
import org.ova.repo.playlist.Playlist;
import org.ova.repo.playlist.PlaylistEvaluator;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.IndexedVideo;
import org.ova.repo.scan.LibraryIndexer;
import org.ova.repo.scan.ScanOptions;
import org.ova.repo.yaml.YamlProblem;
import org.ova.site.SiteBuilder;
import org.ova.site.SiteException;
import org.ova.site.SiteResult;

/**
 * {@code ova build [DIR]}: runs the build phases in order — scan, metadata, playlists, process,
 * render — collecting per-file problems into one report printed at the end.
 */
final class BuildCommand implements Command {

    private static final Logger LOG = LogManager.getLogger(BuildCommand.class);
    private static final int REPORTED_PROBLEMS = 50;

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
            throw new UsageException(name(), e.getMessage() + " (fix config.yaml and run again)");
        }
        Logging.configure(console.verbosity(), console.debug(), Optional.of(layout.logFile()));
        LOG.debug("ova {} build of {}", Version.current(), layout.root());
        if (initialized) {
            LOG.info("Created {} with every option and its default.", layout.relativize(layout.configFile()));
        }

        BuildReport report = new BuildReport();
        PhaseTimer timer = new PhaseTimer(LOG);

        LOG.info("Searching for videos...");
        IndexResult index;
        try {
            index = new LibraryIndexer(ScanOptions.from(config.library())).index(layout);
        } catch (UncheckedIOException e) {
            report.problem("scan", "", e.getMessage());
            return finish(report, console);
        }
        LOG.info("Found {} {}.", index.videos().size(), index.videos().size() == 1 ? "video" : "videos");
        index.moves().forEach(move -> LOG.info("Moved: '{}' is now '{}' (same video, metadata moved along).",
                move.from(), move.to()));
        index.duplicates().forEach(duplicate -> report.warning("'" + duplicate.path()
                + "' has the same content as '" + duplicate.duplicateOf() + "'; listed once"));
        index.warnings().forEach(report::warning);
        timer.done("scan", index.fingerprinted() + " fingerprinted");

        Set<String> indexed = index.videos().stream().map(IndexedVideo::path).collect(Collectors.toSet());
        only.stream().filter(path -> !indexed.contains(path)).forEach(path ->
                report.problem("process", path, "named with --only, but not a video of this library"));
        MediaPhase media = MediaPhase.open(layout, config, only, console, report);
        media.probe(index.videos(), report);
        timer.done("probe", "");

        Map<String, IndexedVideo> byId = index.videos().stream()
                .collect(Collectors.toMap(IndexedVideo::id, video -> video));
        Library library = new LibraryLoader().load(layout, config, index, id -> media.facts(byId.get(id)), report);
        timer.done("metadata", library.videos().size() + " files");
        summarizePlaylists(library, report);
        timer.done("playlists", library.playlists().size() + " playlists");

        media.process(library.videos(), report);
        media.removeGone(byId.keySet());
        library = library.withGenerated(media::generated);
        timer.done("process", "");

        render(library, report);
        timer.done("render", "");
        return finish(report, console);
    }

    private static void render(Library library, BuildReport report) {
        try {
            SiteResult site = SiteBuilder.build(library, Instant.now());
            if (site.pagesWritten() == 0 && site.filesDeleted() == 0) {
                LOG.info("Site is up to date.");
            } else {
                LOG.info("Site: {} files written, {} unchanged, {} removed.", site.pagesWritten(),
                        site.pagesUnchanged(), site.filesDeleted());
            }
            LOG.info("Open {}", site.outputDir().resolve("index.html").toUri());
        } catch (SiteException | UncheckedIOException e) {
            report.problem("render", "", e.getMessage());
        }
    }

    private static void summarizePlaylists(Library library, BuildReport report) {
        Instant now = Instant.now();
        for (Playlist playlist : library.playlists()) {
            int size = PlaylistEvaluator.evaluate(playlist, library.videos(), now, 0).size();
            LOG.debug("Playlist '{}': {} videos.", playlist.id(), size);
            if (playlist instanceof ManualPlaylist manual) {
                PlaylistEvaluator.missingVideos(manual, library.videos()).forEach(path -> report.problem("playlists",
                        LibraryLayout.REPO_DIR + "/playlists/" + manual.id() + ".yaml",
                        "lists '" + path + "', which is not in the library"));
            }
        }
        LOG.info("Library: {} videos, {} playlists, {} duplicates.", library.videos().size(),
                library.playlists().size(), library.duplicates().size());
    }

    private static int finish(BuildReport report, Console console) {
        report.warnings().forEach(warning -> LOG.warn(warning));
        if (!report.hasProblems()) {
            LOG.log(LogLevels.SUCCESS, "Build finished.");
            return ExitCode.OK;
        }
        int count = report.problems().size();
        LOG.error("Build finished with {} {}:", count, count == 1 ? "problem" : "problems");
        report.summaryLines(REPORTED_PROBLEMS).forEach(line -> LOG.error("  {}", line));
        return ExitCode.COMPLETED_WITH_FAILURES;
    }
}
