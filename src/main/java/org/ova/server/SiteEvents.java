package org.ova.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.Methods;
import java.io.UncheckedIOException;
import java.util.List;
import org.ova.media.jobs.Job;
import org.ova.site.SiteResult;
import org.xnio.IoUtils;

/**
 * What open pages hear of hand edits, as Server-Sent Events on {@code GET /api/events}: {@code reload}
 * after each re-render of the site ({@code {"pagesWritten": N, "filesDeleted": M}}; each page then asks
 * whether its own file changed and reloads only then), and {@code problems} with the problems in the
 * person's files whenever they change, and once to each page as it connects, and {@code job} each time a
 * processing job changes (queued, a step, a log line, done). Also keeps the problems
 * for {@code /api/status}. Undertow's {@link ServerSentEventHandler} holds the connections on its I/O
 * threads: a keep-alive comment every 15 s finds the pages that went away, and {@link #close} ends
 * the rest, so they never hold up the server's stop.
 */
public final class SiteEvents implements HttpHandler, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final ServerSentEventHandler connections;
    private volatile List<FileProblem> problems = List.of();
    private volatile boolean closed;

    public SiteEvents() {
        this.connections = new ServerSentEventHandler((connection, lastEventId) -> {
            connection.setKeepAliveTime(KEEP_ALIVE_MILLIS);
            connection.send(json(problems), "problems", null, null);
        });
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.getRequestMethod().equals(Methods.GET)) {
            throw new HttpProblem(405, "Method not allowed: " + exchange.getRequestMethod(), "Use GET.");
        }
        if (closed) {
            throw new HttpProblem(503, "The server is stopping", "");
        }
        connections.handleRequest(exchange);
    }

    /** The problems in the person's files now. */
    public List<FileProblem> problems() {
        return problems;
    }

    /** Takes {@code now} as the problems, telling the pages when they changed. */
    public void problems(List<FileProblem> now) {
        List<FileProblem> copy = List.copyOf(now);
        if (!copy.equals(problems)) {
            problems = copy;
            broadcast("problems", json(copy));
        }
    }

    /** Tells the pages that the site was rendered again. */
    public void reloaded(SiteResult result) {
        broadcast("reload", json(new Rendered(result.pagesWritten(), result.filesDeleted())));
    }

    /** Tells the pages that a processing job changed ({@code job}, its JSON as {@code GET /api/jobs} lists it). */
    void job(Job job) {
        broadcast("job", json(JobJson.of(job)));
    }

    /** The {@code reload} event's data. */
    private record Rendered(int pagesWritten, int filesDeleted) {}

    private void broadcast(String event, String data) {
        for (ServerSentEventConnection connection : connections.getConnections()) {
            connection.send(data, event, null, null);
        }
    }

    /** Ends every open event stream; later requests are refused. */
    @Override
    public void close() {
        closed = true;
        connections.getConnections().forEach(IoUtils::safeClose);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
