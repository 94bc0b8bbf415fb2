package org.ova.cli;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.media.ffmpeg.FfmpegLocator;
import org.ova.media.pipeline.MediaService;
import org.ova.media.pipeline.Progress;
import org.ova.media.pipeline.TerminalProgress;
import org.ova.media.pipeline.UnprocessedVideos;
import org.ova.repo.BuildPhase;
import org.ova.repo.BuildReport;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryLoader;
import org.ova.repo.LibraryVideo;
import org.ova.repo.LogLevels;
import org.ova.repo.Shard;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.playlist.Playlist;
import org.ova.repo.playlist.PlaylistEvaluator;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.IndexedVideo;
import org.ova.site.LiveSite;
import org.ova.site.SiteBuilder;
import org.ova.site.SiteException;
import org.ova.site.SiteResult;
import org.ova.site.publish.PublishException;
import org.ova.site.publish.PublishOptions;
import org.ova.site.publish.PublishResult;
import org.ova.site.publish.PublishedFiles;
import org.ova.site.publish.Publisher;

/**
 * One run of {@code ova build} once its library and config are known: the phases in order — scan,
 * probe, metadata, playlists, process, render, and publish when asked — collecting per-file problems
 * into one report printed at the end. A shard's run ({@code --shard}) stops after processing; a
 * {@code --render-only} run checks what the shards made instead of processing. Made only after logging is
 * configured: its logger would otherwise start Log4j with a set-up of its own.
 */
final class BuildRun {

    /** Which of the phases a run does. */
    enum Kind {
        /** {@code ova build}: probe and process the library (a shard of it with {@code --shard}), render, publish. */
        FULL,
        /** {@code ova build --render-only}: check that the shards processed every video, render, publish. */
        RENDER_ONLY,
        /** {@code ova serve}'s start: render with the media made before, no media work. */
        SERVE_START
    }

    private static final Logger LOG = LogManager.getLogger(BuildRun.class);
    private static final int REPORTED_PROBLEMS = 50;

    private final LibraryLayout layout;
    private final OvaConfig config;
    private final Set<String> only;
    private final Optional<Shard> shard;
    private final Optional<PublishOptions> publish;
    private final Console console;
    private final boolean force;

    /**
     * @param shard the shard a {@link Kind#FULL} run processes alone (then nothing is rendered); empty for
     *     the whole library
     * @param force write the site into a non-empty folder that ova did not make
     */
    BuildRun(
            LibraryLayout layout,
            OvaConfig config,
            Set<String> only,
            Optional<Shard> shard,
            Optional<PublishOptions> publish,
            boolean force,
            Console console) {
        this.force = force;
        this.layout = layout;
        this.config = config;
        this.only = only;
        this.shard = shard;
        this.publish = publish;
        this.console = console;
    }

    /**
     * Runs the phases of {@code kind} in order and prints the report.
     *
     * @param kind        {@link Kind#FULL} or {@link Kind#RENDER_ONLY}
     * @param opened      the library, with its scan under way
     * @return the exit code
     */
    int run(Kind kind, BuildCommand.OpenedLibrary opened) {
        BuildReport report = new BuildReport();
        Thread interrupted = new Thread(
                () -> LOG.warn(
                        "The build of {} was interrupted before it finished: finished videos are kept, the next"
                                + " build does the rest.",
                        layout.root()),
                "ova-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        if (shard.isPresent()) {
            shardPhases(shard.get(), opened, report);
        } else {
            phases(kind, opened, report, (library, now) -> SiteBuilder.build(library, now, force));
        }
        Runtime.getRuntime().removeShutdownHook(interrupted);
        return finish(report);
    }

    /**
     * The phases without media work (no probing, no processing; what was made before is used): how
     * {@code ova serve} brings the site up to date at start. Problems are printed as a build prints them.
     *
     * @param site renders the site: the server's, which then knows every page it wrote and re-renders
     *     only those an edit changes
     * @return the library as rendered, empty when the scan failed
     */
    Optional<Library> renderWithoutMedia(BuildCommand.OpenedLibrary opened, LiveSite site) {
        BuildReport report = new BuildReport();
        Optional<Library> library = phases(Kind.SERVE_START, opened, report, site::refresh);
        finish(report);
        return library;
    }

    private Optional<Library> phases(
            Kind kind,
            BuildCommand.OpenedLibrary opened,
            BuildReport report,
            BiFunction<Library, Instant, SiteResult> renderer) {
        PhaseTimer timer = start(opened);
        Optional<IndexResult> scanned = index(opened, report, timer);
        if (scanned.isEmpty()) {
            return Optional.empty();
        }
        IndexResult index = scanned.get();
        MediaService media = openMedia(report);
        if (kind == Kind.FULL) {
            media.probe(index.videos(), report);
            timer.done(BuildPhase.PROBE, "");
        }

        Library library = new LibraryLoader().load(layout, config, index, media::facts, report);
        timer.done(BuildPhase.METADATA, library.videos().size() + " files");
        summarizePlaylists(library);
        timer.done(BuildPhase.PLAYLISTS, library.playlists().size() + " playlists");

        if (kind == Kind.FULL) {
            media.process(library.videos(), report);
        } else if (kind == Kind.RENDER_ONLY) {
            UnprocessedVideos.report(media, library.videos(), report);
        }
        if (kind != Kind.SERVE_START) {
            media.removeGone(index.knownIds());
        }
        library = library.withGenerated(media::generated);
        timer.done(BuildPhase.PROCESS, kind == Kind.FULL ? "" : "skipped");

        Instant now = Instant.now();
        render(library, now, report, renderer);
        timer.done(BuildPhase.RENDER, "");
        if (publish.isPresent()) {
            publish(library, publish.get(), now, report);
            timer.done(BuildPhase.PUBLISH, "");
        }
        // the states of shards folded in are written meanwhile; the run ends once they are
        media.save();
        return Optional.of(library);
    }

    /**
     * The phases of one shard: once the library is scanned (the next shard may then scan), its videos are
     * probed, their metadata read (their files created the first time, from their probe as a build does),
     * and they are processed; then it helps the shards still running with theirs. Nothing is rendered,
     * and the playlists are left alone.
     */
    private void shardPhases(Shard shard, BuildCommand.OpenedLibrary opened, BuildReport report) {
        PhaseTimer timer = start(opened);
        Optional<IndexResult> scanned = index(opened, report, timer);
        opened.indexed().run();
        if (scanned.isEmpty()) {
            return;
        }
        List<IndexedVideo> mine = scanned.get().videos().stream()
                .filter(video -> shard.contains(video.id()))
                .toList();
        LOG.info(
                "Shard {}: {} of the {} videos are this shard's.",
                shard,
                mine.size(),
                scanned.get().videos().size());
        MediaService media = openMedia(report);
        media.probe(mine, report);
        timer.done(BuildPhase.PROBE, "");

        List<LibraryVideo> videos = new LibraryLoader().loadVideos(layout, mine, media::facts, false, report);
        timer.done(BuildPhase.METADATA, videos.size() + " files");
        media.processShard(videos, scanned.get().videos(), report);
        timer.done(BuildPhase.PROCESS, "");
        LOG.info(
                "Shard {} is done; once every shard is, 'ova build --render-only {}' renders the site.",
                shard,
                layout.root());
    }

    private PhaseTimer start(BuildCommand.OpenedLibrary opened) {
        LOG.debug("ova {} build of {}", Version.current(), layout.root());
        if (opened.initialized()) {
            LOG.info("Created {} with every option and its default.", layout.relativize(layout.configFile()));
        }
        return new PhaseTimer(LOG, opened.scanStarted());
    }

    /** The scan's result, logged; empty (the problem in {@code report}) when the library could not be read. */
    private Optional<IndexResult> index(BuildCommand.OpenedLibrary opened, BuildReport report, PhaseTimer timer) {
        LOG.info("Searching for videos...");
        IndexResult index;
        try {
            index = opened.scan().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException failure) {
                report.problem(BuildPhase.SCAN, "", failure.getMessage());
                return Optional.empty();
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        LOG.info("Found {} {}.", index.videos().size(), index.videos().size() == 1 ? "video" : "videos");
        index.moves()
                .forEach(move -> LOG.info(
                        "Moved: '{}' is now '{}' (same video, metadata moved along).", move.from(), move.to()));
        index.duplicates()
                .forEach(duplicate -> report.warning("'" + duplicate.path() + "' has the same content as '"
                        + duplicate.duplicateOf() + "'; listed once"));
        index.warnings().forEach(report::warning);
        timer.done(BuildPhase.SCAN, index.fingerprinted() + " fingerprinted");

        Set<String> indexed = index.videos().stream().map(IndexedVideo::path).collect(Collectors.toSet());
        only.stream()
                .filter(path -> !indexed.contains(path))
                .forEach(path ->
                        report.problem(BuildPhase.PROCESS, path, "named with --only, but not a video of this library"));
        return Optional.of(index);
    }

    private MediaService openMedia(BuildReport report) {
        // Java 17: System.console() is null exactly when not attached to a terminal
        @SuppressWarnings("SystemConsoleNull")
        boolean terminal = System.console() != null && console.verbosity() == Verbosity.NORMAL;
        return MediaService.open(
                layout,
                config,
                only,
                shard,
                () -> FfmpegLocator.forLibrary(layout, config.ffmpeg()),
                terminal ? new TerminalProgress(System.err) : Progress.SILENT,
                report);
    }

    private void render(
            Library library, Instant now, BuildReport report, BiFunction<Library, Instant, SiteResult> renderer) {
        try {
            SiteResult site = renderer.apply(library, now);
            if (site.pagesWritten() == 0 && site.filesDeleted() == 0) {
                LOG.info("Site is up to date.");
            } else {
                LOG.info(
                        "Site: {} files written, {} unchanged, {} removed.",
                        site.pagesWritten(),
                        site.pagesUnchanged(),
                        site.filesDeleted());
            }
            LOG.info("Open {}", site.outputDir().resolve("index.html").toUri());
        } catch (SiteException | UncheckedIOException e) {
            report.problem(BuildPhase.RENDER, "", e.getMessage());
        }
    }

    private static void publish(Library library, PublishOptions options, Instant now, BuildReport report) {
        try {
            PublishResult published = Publisher.publish(library, options, now);
            if (published.unchanged()) {
                LOG.info("Published copy is up to date: {}", options.out());
                return;
            }
            PublishedFiles.SyncResult files = published.files();
            LOG.info(
                    "Published {} {} to {}: {} pages written, {} files linked, {} copied, {} unchanged, {} removed.",
                    published.videos(),
                    published.videos() == 1 ? "video" : "videos",
                    options.out(),
                    published.site().pagesWritten(),
                    files.linked(),
                    files.copied(),
                    files.unchanged(),
                    published.site().filesDeleted() + files.deleted());
            LOG.info(
                    "Open {}",
                    published.site().outputDir().resolve("index.html").toUri());
        } catch (PublishException | SiteException | UncheckedIOException e) {
            report.problem(BuildPhase.PUBLISH, options.out().toString(), e.getMessage());
        }
    }

    private static void summarizePlaylists(Library library) {
        Instant now = Instant.now();
        for (Playlist playlist : library.playlists()) {
            int size = PlaylistEvaluator.evaluate(playlist, library.videos(), now, 0)
                    .size();
            LOG.debug("Playlist '{}': {} videos.", playlist.id(), size);
        }
        LOG.info(
                "Library: {} videos, {} playlists, {} duplicates.",
                library.videos().size(),
                library.playlists().size(),
                library.duplicates().size());
    }

    private static int finish(BuildReport report) {
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
