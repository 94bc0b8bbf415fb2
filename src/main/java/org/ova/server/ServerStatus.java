package org.ova.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ova.repo.config.ServerOptions;
import org.ova.repo.scan.ScanOptions;

/**
 * What the pages learn about the server: {@code GET /api/status} as JSON, and the site's
 * {@code assets/server.js} answered live as {@code window.OVA_SERVER = {...};} (the static build writes
 * {@code window.OVA_SERVER = null;} there, so pages on {@code file://} or a static host need no request
 * that could fail).
 */
final class ServerStatus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSettings settings;
    private final LiveLibrary library;
    private final boolean trimAvailable;
    private final boolean processing;
    private final Supplier<List<FileProblem>> problems;

    /**
     * @param trimAvailable the trim API is on and an ffmpeg was found
     * @param processing    the background processing service runs (not {@code --no-process})
     * @param problems      the problems in the files a person edits by hand, now
     */
    ServerStatus(
            ServerSettings settings,
            LiveLibrary library,
            boolean trimAvailable,
            boolean processing,
            Supplier<List<FileProblem>> problems) {
        this.settings = settings;
        this.library = library;
        this.trimAvailable = trimAvailable;
        this.processing = processing;
        this.problems = problems;
    }

    Map<String, Object> status() {
        ServerOptions now = settings.options();
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("trim", trimAvailable);
        // edits are always on (no toggle hides them)
        features.put("edit", true);
        features.put("upload", now.uploads());
        features.put("maxUploadMb", now.maxUploadMb());
        features.put(
                "extensions",
                ScanOptions.from(library.library().config().library()).extensions().stream()
                        .sorted()
                        .toList());
        features.put("vttButton", now.showVttButton());
        // making VTTs is CPU-heavy: refused (403) while server.batchVtt is false
        features.put("batchVtt", now.batchVtt());
        // the background service runs: jobs, retry and re-make VTTs
        features.put("processing", processing);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("version", settings.version());
        status.put("title", library.library().config().library().title());
        status.put("features", features);
        status.put("writesNeedToken", settings.tokenRequired());
        status.put("problems", problems.get());
        return status;
    }

    void sendJson(HttpServerExchange exchange) {
        send(exchange, "application/json", json());
    }

    void sendScript(HttpServerExchange exchange) {
        send(exchange, "text/javascript; charset=utf-8", "window.OVA_SERVER = " + json() + ";\n");
    }

    private String json() {
        try {
            return JSON.writeValueAsString(status());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpServerExchange exchange, String type, String body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(body);
    }
}
