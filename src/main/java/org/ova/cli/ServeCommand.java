package org.ova.cli;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.media.ffmpeg.CapabilitiesCache;
import org.ova.media.ffmpeg.FfmpegException;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegLocator;
import org.ova.media.ffmpeg.ProcessRecords;
import org.ova.media.jobs.ProcessingService;
import org.ova.media.pipeline.MediaService;
import org.ova.media.pipeline.Progress;
import org.ova.media.trim.Trimmer;
import org.ova.repo.BuildReport;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.config.ServerOptions;
import org.ova.repo.scan.ScanOptions;
import org.ova.server.EditedMediaInputs;
import org.ova.server.HandEdits;
import org.ova.server.LibraryWatcher;
import org.ova.server.LiveLibrary;
import org.ova.server.LiveSiteRefresh;
import org.ova.server.OvaServer;
import org.ova.server.ServedProcessing;
import org.ova.server.ServerSettings;
import org.ova.server.SiteEvents;
import org.ova.server.VideoFileChanges;
import org.ova.server.VideoFilesWatcher;
import org.ova.server.edit.VideoEditor;
import org.ova.site.LiveSite;

/**
 * {@code ova serve [DIR]}: takes the library's lock for as long as it serves, brings the site up to
 * date (no media processing), then serves it with the library's videos and the JSON API until Ctrl-C,
 * re-rendering it as the person edits the library's YAML ({@link HandEdits}), as video files are added,
 * replaced, moved or deleted ({@link VideoFilesWatcher}, {@link VideoFileChanges}) and as the background
 * {@link ProcessingService} processes videos (unless {@code --no-process}): at start it queues what
 * {@code ova build} would process, when {@code processing.batch} is on.
 */
final class ServeCommand implements Command {

    private static final String HOST = "host";
    private static final String PORT = "port";
    private static final String OPEN = "open";
    private static final String TOKEN = "token";
    private static final String NO_PROCESS = "no-process";
    private static final int TOKEN_BYTES = 24;
    /** How long a video file must stay the same before it counts as copied (a camera's, a network copy). */
    static final Duration SETTLE = Duration.ofSeconds(1);

    /** Completes when the server should stop; Ctrl-C completes it too. */
    private final CompletableFuture<Void> stop;

    private final Duration settle;

    ServeCommand() {
        this(new CompletableFuture<>());
    }

    /** @param stop completing it stops the server (tests) */
    ServeCommand(CompletableFuture<Void> stop) {
        this(stop, SETTLE);
    }

    /** @param settle how long a changed video file must stay the same before it is taken in (tests: less) */
    ServeCommand(CompletableFuture<Void> stop, Duration settle) {
        this.stop = stop;
        this.settle = settle;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "Serve the site, the videos, edits and trimmed downloads over http, processing videos in the"
                + " background (until Ctrl-C)";
    }

    @Override
    public Options options() {
        return BuildCommand.addWait(new Options()
                .addOption(Option.builder()
                        .longOpt(HOST)
                        .hasArg()
                        .argName("H")
                        .desc("address to listen on (default server.host, 127.0.0.1)")
                        .get())
                .addOption(Option.builder()
                        .longOpt(PORT)
                        .hasArg()
                        .argName("P")
                        .desc("port to listen on (default server.port; 0 picks a free one)")
                        .get())
                .addOption(Option.builder()
                        .longOpt(OPEN)
                        .desc("open the site in a browser")
                        .get())
                .addOption(Option.builder()
                        .longOpt(TOKEN)
                        .hasArg()
                        .argName("T")
                        .desc("the token writes must send when other hosts can reach the server"
                                + " (default server.token, else a new one, printed)")
                        .get())
                .addOption(Option.builder()
                        .longOpt(NO_PROCESS)
                        .desc("serve without processing videos in the background")
                        .get()));
    }

    @Override
    public String examples() {
        return """
                  ova serve ~/Videos              http://127.0.0.1:8080/ on this machine only
                  ova serve --open ~/Videos       and open it in the browser
                  ova serve --host 0.0.0.0 --port 9000 ~/Videos
                                                  reachable from the network; writes need the printed token
                """;
    }

    @Override
    public int run(CommandLine line, Console console) {
        Optional<String> host = Optional.ofNullable(line.getOptionValue(HOST));
        Optional<Integer> port = Optional.ofNullable(line.getOptionValue(PORT)).map(this::port);
        CountDownLatch released = new CountDownLatch(1);
        try {
            return BuildCommand.withLibrary(name(), line, console, Optional.empty(), config -> {}, opened -> {
                // one site for the start, the edit API and hand edits: it renders one refresh at a time, and
                // after the start it knows each page it wrote, so an edit re-renders only the pages it changes
                LiveSite site = LiveSiteRefresh.siteOf(opened.layout(), opened.config());
                Optional<Library> library = new BuildRun(
                                opened.layout(),
                                opened.config(),
                                Set.of(),
                                Optional.empty(),
                                Optional.empty(),
                                false,
                                console)
                        .renderWithoutMedia(opened, site);
                if (library.isEmpty()) {
                    return ExitCode.COMPLETED_WITH_FAILURES;
                }
                ServerOptions configured = opened.config().server();
                Optional<String> token = Optional.ofNullable(line.getOptionValue(TOKEN))
                        .or(() -> Optional.of(configured.token()).filter(t -> !t.isBlank()));
                ServerOptions options = withAddress(configured, host.orElse(configured.host()), port);
                boolean generated = token.isEmpty() && options.reachableFromOtherHosts();
                if (generated) {
                    token = Optional.of(newToken());
                }
                ServerSettings settings = new ServerSettings(options, token, Version.current());
                // opened before the server starts: it stops ffmpeg processes a killed ova left, never a trim's
                Optional<MediaService> media =
                        line.hasOption(NO_PROCESS) ? Optional.empty() : processing(opened.layout(), opened.config());
                return serve(
                        settings,
                        new LiveLibrary(library.get()),
                        site,
                        trimmer(opened.layout(), library.get()),
                        media,
                        console,
                        line.hasOption(OPEN),
                        generated,
                        released);
            });
        } finally {
            released.countDown();
        }
    }

    private int serve(
            ServerSettings settings,
            LiveLibrary library,
            LiveSite site,
            Optional<Trimmer> trimmer,
            Optional<MediaService> media,
            Console console,
            boolean open,
            boolean tokenGenerated,
            CountDownLatch released) {
        Logger log = LogManager.getLogger(ServeCommand.class);
        EditedMediaInputs mediaInputs = new EditedMediaInputs(library.library());
        VideoEditor editor = LiveSiteRefresh.editorOf(library, site, mediaInputs);
        SiteEvents events = new SiteEvents();
        Optional<ProcessingService> processing =
                media.map(found -> ServedProcessing.start(found, editor, site, events));
        processing.ifPresent(mediaInputs::queueWith);
        VideoFileChanges videoFiles = new VideoFileChanges(editor, site, events, processing);
        OvaServer server;
        try {
            server = OvaServer.start(settings, library, trimmer, editor, events, processing, videoFiles);
        } catch (IllegalArgumentException e) {
            processing.ifPresent(ProcessingService::close);
            throw new UsageException(name(), e.getMessage());
        } catch (RuntimeException e) {
            processing.ifPresent(ProcessingService::close);
            throw new UsageException(
                    name(),
                    "cannot listen on " + settings.options().host() + ":"
                            + settings.options().port() + ": " + e.getMessage() + " (choose another with --port P)");
        }
        Thread hook = new Thread(
                () -> {
                    stop.complete(null);
                    // the lock is released by the serving thread; the JVM must not end before
                    awaitQuietly(released);
                },
                "ova-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Optional<LibraryWatcher> watcher = watchHandEdits(site, editor, server, log);
        Optional<VideoFilesWatcher> videoWatcher = watchVideoFiles(library.library(), videoFiles, settle, log);
        try {
            String url = server.url(settings.options().host());
            console.out().println("Serving " + library.library().layout().root() + " at " + url);
            String browse = url;
            if (settings.tokenRequired()) {
                String token = settings.token().orElseThrow();
                // in the fragment, which browsers never send: the token stays out of every access log
                browse = url + "#ova-token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
                console.out()
                        .println("Other hosts can reach this server: writes need the token "
                                + (tokenGenerated
                                        ? token + " (new; set server.token to keep one)"
                                        : "set with --token or server.token"));
                console.out().println("Open this link once in each browser that may edit: " + browse);
            }
            console.out().println("Press Ctrl-C to stop.");
            log.info("Serving at {}", url);
            // in the background: the site is served meanwhile; with processing.batch off, nothing
            processing.ifPresent(ProcessingService::queuePending);
            if (open) {
                BrowserOpener.open(browse, log);
            }
            stop.join();
            log.info("Server stopped.");
            return ExitCode.OK;
        } finally {
            watcher.ifPresent(LibraryWatcher::close);
            videoWatcher.ifPresent(VideoFilesWatcher::close);
            // first: its ffmpeg processes are stopped and their staging removed, as Ctrl-C does in a build
            processing.ifPresent(ProcessingService::close);
            server.close();
            // after the last edit: the next build then finds the site up to date
            site.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is what stopped us
            }
        }
    }

    /** Hand-edited YAML re-renders the site while serving; without a watcher the server still serves. */
    private static Optional<LibraryWatcher> watchHandEdits(
            LiveSite site, VideoEditor editor, OvaServer server, Logger log) {
        try {
            return Optional.of(HandEdits.watch(editor, site, server.events()));
        } catch (UncheckedIOException e) {
            log.warn("Hand edits are not picked up while serving (restart to see them): {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Video files added, moved or deleted show while serving; without a watcher the server still serves. */
    private static Optional<VideoFilesWatcher> watchVideoFiles(
            Library library, VideoFileChanges changes, Duration settle, Logger log) {
        try {
            return Optional.of(VideoFilesWatcher.start(
                    library.layout(), ScanOptions.from(library.config().library()), settle, changes::changed));
        } catch (UncheckedIOException e) {
            log.warn(
                    "New, moved and deleted videos are not picked up while serving (restart to see them): {}",
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Processing needs ffmpeg; without one the server runs and says that nothing is processed. */
    private static Optional<MediaService> processing(LibraryLayout layout, OvaConfig config) {
        BuildReport report = new BuildReport();
        MediaService media = MediaService.open(
                layout,
                config,
                Set.of(),
                Optional.empty(),
                () -> FfmpegLocator.forLibrary(layout, config.ffmpeg()),
                Progress.SILENT,
                report);
        if (report.hasProblems()) {
            LogManager.getLogger(ServeCommand.class)
                    .warn(
                            "Videos are not processed while serving: {}",
                            report.problems().get(0).message());
            return Optional.empty();
        }
        return Optional.of(media);
    }

    /** Trims need ffmpeg; without one the server runs and says the trim API is unavailable. */
    private static Optional<Trimmer> trimmer(LibraryLayout layout, Library library) {
        try {
            FfmpegInstallation ffmpeg =
                    FfmpegLocator.forLibrary(layout, library.config().ffmpeg());
            Optional<String> encoder =
                    CapabilitiesCache.of(layout).capabilitiesOf(ffmpeg.ffmpeg()).h264Encoder();
            return Optional.of(new Trimmer(
                    ffmpeg, encoder, new ProcessRecords(layout.machineDir().resolve("ffmpeg-processes"))));
        } catch (FfmpegException e) {
            LogManager.getLogger(ServeCommand.class).warn("Trimmed downloads are unavailable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name(), "--port " + value + " is not a port number (0 to 65535)");
    }

    private static ServerOptions withAddress(ServerOptions options, String host, Optional<Integer> port) {
        return new ServerOptions(
                host,
                port.orElse(options.port()),
                options.token(),
                options.trimApi(),
                options.maxTrimJobs(),
                options.uploads(),
                options.maxUploadMb(),
                options.batchVtt(),
                options.showVttButton());
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
