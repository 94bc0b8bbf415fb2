package org.ova.server;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.RequestLimitingHandler;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.ova.media.jobs.ProcessingService;
import org.ova.media.trim.Trimmer;
import org.ova.repo.LibraryLayout;
import org.ova.repo.scan.ScanOptions;
import org.ova.server.edit.VideoEditor;
import org.ova.server.upload.DraftsHandler;
import org.ova.server.upload.UploadHandler;
import org.ova.server.upload.UploadStore;
import org.ova.server.upload.VideoIntake;

/**
 * {@code ova serve}'s HTTP server on Undertow: the library's files under URLs that mirror its folder
 * ({@link LibraryFiles}), the live {@code assets/server.js}, the JSON API under {@code /api/} and the
 * pages' event stream {@code /api/events} ({@link SiteEvents}). Every request's path is checked by
 * {@link RequestPaths} first, writes pass the {@link WriteGuard}, errors leave through the
 * {@link ProblemHandler}, and each request gets an {@link AccessLog} line.
 */
public final class OvaServer implements AutoCloseable {

    /** Requests larger than this are refused (the API takes small JSON bodies; uploads have their own limit). */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    /** The size of Undertow's I/O buffers, whatever the heap. */
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Undertow undertow;
    private final String sitePrefix;
    private final SiteEvents events;

    private OvaServer(Undertow undertow, String sitePrefix, SiteEvents events) {
        this.undertow = undertow;
        this.sitePrefix = sitePrefix;
        this.events = events;
    }

    /**
     * Starts serving {@code library} as {@code settings} say.
     *
     * @param trimmer cuts trims; empty when no ffmpeg was found
     * @param editor  applies the edit API's edits (see {@link LiveSiteRefresh})
     * @throws IllegalArgumentException when the site folder is outside the library: its links could not
     *     work from one address
     */
    public static OvaServer start(
            ServerSettings settings, LiveLibrary library, Optional<Trimmer> trimmer, VideoEditor editor) {
        return start(settings, library, trimmer, editor, new SiteEvents(), Optional.empty(), VideoIntake.NONE);
    }

    /**
     * Starts serving {@code library} as {@code settings} say, with the processing API.
     *
     * @param events     what open pages hear ({@code /api/events}); the processing service tells it too
     * @param processing the background processing ({@link ServedProcessing}); empty with {@code --no-process}.
     *     The caller closes it, before the server
     * @param intake     takes uploaded videos into the served library, and cancelled ones out
     */
    public static OvaServer start(
            ServerSettings settings,
            LiveLibrary library,
            Optional<Trimmer> trimmer,
            VideoEditor editor,
            SiteEvents events,
            Optional<ProcessingService> processing,
            VideoIntake intake) {
        LibraryLayout layout = library.library().layout();
        Path site = library.library().config().site().outputDir(layout);
        if (!site.startsWith(layout.root()) || site.equals(layout.root())) {
            throw new IllegalArgumentException("site.output (" + site + ") must be a folder inside the library "
                    + layout.root() + " for 'ova serve': set it back to the default .ova-repo/site");
        }
        String sitePrefix = layout.relativize(site) + "/";
        String mediaPrefix = layout.relativize(layout.mediaDir()) + "/";
        LibraryFiles files = new LibraryFiles(layout.root(), sitePrefix, mediaPrefix, library::videoPaths);
        ServerStatus status = new ServerStatus(
                settings,
                library,
                settings.options().trimApi() && trimmer.isPresent(),
                processing.isPresent(),
                events::problems);
        TrimHandler trim = new TrimHandler(
                library,
                trimmer,
                settings.options().trimApi(),
                settings.options().maxTrimJobs());
        EditHandler edits = new EditHandler(editor);
        JobsHandler jobs = new JobsHandler(processing, settings.options().batchVtt());
        UploadStore uploadStore = new UploadStore(layout);
        // what a killed server left half-received: nothing of it reached the library
        uploadStore.deleteLeftovers();
        UploadHandler upload = new UploadHandler(
                layout,
                settings.options(),
                () -> ScanOptions.from(library.library().config().library()).extensions(),
                uploadStore,
                intake);
        DraftsHandler drafts = new DraftsHandler(library, editor, processing, sitePrefix, intake::removed);

        RoutingHandler api = new RoutingHandler()
                .get("/api/status", status::sendJson)
                .get("/api/videos/{id}/trim", trim)
                .get("/api/videos/{id}", edits::read)
                .add(Methods.PATCH, "/api/videos/{id}", edits::edit)
                .add(Methods.PATCH, "/api/videos", edits::bulkEdit)
                .post("/api/videos/{id}/vtt", jobs::remakeVtts)
                .get("/api/jobs", jobs::list)
                .post("/api/jobs/{id}/retry", jobs::retry)
                .post("/api/uploads", upload::upload)
                .get("/api/uploads", drafts::list)
                .get("/api/uploads/{id}", drafts::read)
                // a draft's VTTs are any video's: the same job, the same batchVtt rule
                .post("/api/uploads/{id}/vtt", jobs::remakeVtts)
                .put("/api/uploads/{id}/chapters", drafts::saveChapters)
                .post("/api/uploads/{id}/publish", drafts::publish)
                .delete("/api/uploads/{id}", drafts::cancel)
                .setFallbackHandler(exchange -> {
                    throw HttpProblem.notFound(exchange.getRequestPath());
                })
                .setInvalidMethodHandler(exchange -> {
                    throw new HttpProblem(405, "Method not allowed: " + exchange.getRequestMethod(), "");
                });
        String serverScript = sitePrefix + "assets/server.js";
        // the API may block (trims stream from ffmpeg): on a worker thread, with its own problem mapping
        // there; files stay on the I/O threads, where Undertow sends them without blocking
        HttpHandler apiChain = new BlockingHandler(new ProblemHandler(
                new WriteGuard(settings.tokenRequired() ? settings.token() : Optional.empty(), api)));
        HttpHandler route = exchange -> {
            String relative = exchange.getAttachment(ServedPath.KEY).relative();
            if (relative.equals("api/events")) {
                // a stream that stays open: Undertow's SSE handler keeps it on the I/O threads
                events.handleRequest(exchange);
            } else if (relative.startsWith("api/")) {
                apiChain.handleRequest(exchange);
            } else if (relative.equals(serverScript)) {
                status.sendScript(exchange);
            } else {
                files.handleRequest(exchange);
            }
        };
        HttpHandler checked = exchange -> {
            exchange.putAttachment(ServedPath.KEY, new ServedPath(RequestPaths.relative(exchange.getRequestURI())));
            route.handleRequest(exchange);
        };
        HttpHandler root = new AccessLog(new ProblemHandler(gzipText(checked)));
        Undertow undertow = Undertow.builder()
                .addHttpListener(settings.options().port(), settings.options().host())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, MAX_BODY_BYTES)
                // Undertow sizes its buffers by the heap: 1 KB under a 128 MB heap (a small NAS), which made
                // an upload one read per KB; 64 KB reads take it at the disk's pace (bench/upload.sh)
                .setBufferSize(BUFFER_BYTES)
                .setDirectBuffers(true)
                .setHandler(new RequestLimitingHandler(1000, 1000, root))
                .build();
        undertow.start();
        return new OvaServer(undertow, sitePrefix, events);
    }

    /** Gzip for text only (pages, scripts, JSON, WebVTT, SVG), never for ranges, video or images. */
    private static HttpHandler gzipText(HttpHandler next) {
        return new EncodingHandler(
                next,
                new ContentEncodingRepository()
                        .addEncodingHandler(
                                "gzip",
                                new GzipEncodingProvider(),
                                50,
                                exchange -> !exchange.getRequestHeaders().contains(Headers.RANGE)
                                        && MimeTypes.compressible(
                                                exchange.getResponseHeaders().getFirst(Headers.CONTENT_TYPE))));
    }

    /** The port it listens on (the real one when 0 was asked). */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** The address of the site's start page, for a browser. */
    public String url(String host) {
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/" + UrlPaths.encode(sitePrefix) + "index.html";
    }

    /**
     * What open pages hear of hand edits and processing ({@code GET /api/events}), and the problems
     * {@code /api/status} lists.
     */
    public SiteEvents events() {
        return events;
    }

    @Override
    public void close() {
        // open event streams first: they would otherwise hold the stop up
        events.close();
        undertow.stop();
    }
}
