package org.ova.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.media.MediaException;
import org.ova.media.ffmpeg.PipedCommand;
import org.ova.media.trim.TrimFileName;
import org.ova.media.trim.TrimRequest;
import org.ova.media.trim.Trimmer;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.TimeCode;

/**
 * {@code GET /api/videos/{id}/trim?start=S&end=E&mode=copy|exact}: streams the cut as ffmpeg makes it
 * (fragmented MP4, never held whole in memory) with at most {@code server.maxTrimJobs} ffmpegs at once,
 * and kills ffmpeg as soon as the client goes away.
 */
final class TrimHandler implements HttpHandler {

    private static final Logger LOG = LogManager.getLogger(TrimHandler.class);
    private static final int CHUNK = 64 * 1024;
    private static final long RETRY_AFTER_SECONDS = 5;

    private final LiveLibrary library;
    private final Optional<Trimmer> trimmer;
    private final boolean enabled;
    private final Semaphore slots;

    /**
     * @param enabled  {@code server.trimApi}
     * @param trimmer  empty when no ffmpeg was found
     * @param maxJobs  {@code server.maxTrimJobs}
     */
    TrimHandler(LiveLibrary library, Optional<Trimmer> trimmer, boolean enabled, int maxJobs) {
        this.library = library;
        this.trimmer = trimmer;
        this.enabled = enabled;
        this.slots = new Semaphore(Math.max(1, maxJobs));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException {
        if (!enabled) {
            throw HttpProblem.forbidden(
                    "Trimmed downloads are off", "Set server.trimApi: true in .ova-repo/config.yaml and restart.");
        }
        String id = ApiPaths.videoId(exchange);
        LibraryVideo video = library.video(id).orElseThrow(() -> HttpProblem.notFound("video " + id));
        Trimmer found = trimmer.orElseThrow(() -> new HttpProblem(
                503, "No ffmpeg found", "Install ffmpeg, or set ffmpeg.path in .ova-repo/config.yaml, and restart."));
        double duration = video.duration()
                .orElseThrow(() ->
                        new HttpProblem(409, "The video was not probed yet", "Run 'ova build' once, then try again."));
        TrimRequest request;
        try {
            request = TrimRequest.checked(
                    library.library().layout().root().resolve(video.path()),
                    TimeCode.parse(parameter(exchange, "start")),
                    TimeCode.parse(parameter(exchange, "end")),
                    exact(exchange),
                    duration);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(
                    "Bad trim: " + e.getMessage(), "Give start and end inside 0 to " + duration + " s.");
        }
        if (!slots.tryAcquire()) {
            throw HttpProblem.busy(
                    "Too many trims at once",
                    "At most server.maxTrimJobs run together; try again in a few seconds.",
                    RETRY_AFTER_SECONDS);
        }
        try (PipedCommand ffmpeg = found.stream(request)) {
            stream(exchange, ffmpeg, TrimFileName.of(video.metadata().title(), request.start(), request.end()));
        } catch (MediaException e) {
            throw new HttpProblem(503, "This ffmpeg cannot make the cut", e.getMessage());
        } finally {
            slots.release();
        }
    }

    private static void stream(HttpServerExchange exchange, PipedCommand ffmpeg, String fileName) throws IOException {
        InputStream in = ffmpeg.output();
        byte[] buffer = new byte[CHUNK];
        int read = in.read(buffer);
        if (read < 0) {
            throw HttpProblem.internal("ffmpeg made no output", new IOException(ffmpeg.errors()));
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "video/mp4");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, contentDisposition(fileName));
        OutputStream out = exchange.getOutputStream();
        try {
            while (read >= 0) {
                out.write(buffer, 0, read);
                out.flush();
                read = in.read(buffer);
            }
        } catch (IOException clientGone) {
            LOG.debug("Trim stopped: the client went away ({}).", clientGone.getMessage());
            return;
        }
        try {
            int exit = ffmpeg.waitFor();
            if (exit != 0) {
                LOG.error("Trim of {} failed (ffmpeg exit {}): {}", fileName, exit, ffmpeg.errors());
                org.xnio.IoUtils.safeClose(exchange.getConnection());
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.close();
    }

    static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + TrimFileName.ascii(fileName).replace("\"", "_") + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String parameter(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        if (values == null || values.isEmpty() || values.getFirst().isBlank()) {
            throw HttpProblem.badRequest("Bad trim: " + name + " is missing", "Add " + name + "=SECONDS or h:mm:ss.");
        }
        return values.getFirst();
    }

    private static boolean exact(HttpServerExchange exchange) {
        Deque<String> values = exchange.getQueryParameters().get("mode");
        String mode = values == null || values.isEmpty() ? "copy" : values.getFirst();
        return switch (mode) {
            case "copy" -> false;
            case "exact" -> true;
            default ->
                throw HttpProblem.badRequest("Bad trim: unknown mode '" + mode + "'", "Use mode=copy or mode=exact.");
        };
    }
}
