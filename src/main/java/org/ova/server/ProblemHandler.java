package org.ova.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.DefaultResponseListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The one place errors become responses: an {@link HttpProblem} thrown by a handler, any other
 * exception (500, cause logged, never sent), and the empty error responses Undertow's own handlers end
 * with (416, 405, …) all leave as {@code {"error": ..., "detail": ...}} JSON, with one log line each.
 */
public final class ProblemHandler implements HttpHandler {

    private static final Logger LOG = LogManager.getLogger(ProblemHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpHandler next;

    public ProblemHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.addDefaultResponseListener(EMPTY_ERRORS);
        try {
            next.handleRequest(exchange);
        } catch (HttpProblem problem) {
            send(exchange, problem);
        } catch (Exception e) { // every other failure is a 500 whose cause stays in the log
            send(exchange, HttpProblem.internal("Internal error while answering " + exchange.getRequestPath(), e));
        }
    }

    /** Gives Undertow's bodiless error responses the same JSON body. */
    private static final DefaultResponseListener EMPTY_ERRORS = exchange -> {
        int status = exchange.getStatusCode();
        if (status < 400 || exchange.isResponseStarted()) {
            return false;
        }
        String detail = status == StatusCodes.REQUEST_RANGE_NOT_SATISFIABLE
                ? "The Range header asks for bytes past the end of the file."
                : "";
        send(exchange, new HttpProblem(status, StatusCodes.getReason(status), detail));
        return true;
    };

    static void send(HttpServerExchange exchange, HttpProblem problem) {
        if (problem.status() >= 500) {
            LOG.error(
                    "{} {} -> {}: {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestPath(),
                    problem.status(),
                    problem.getMessage(),
                    problem.getCause());
        } else {
            LOG.debug(
                    "{} {} -> {}: {} {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestPath(),
                    problem.status(),
                    problem.getMessage(),
                    problem.detail());
        }
        if (exchange.isResponseStarted()) {
            // the status line is gone: all that is left is to cut the response short
            org.xnio.IoUtils.safeClose(exchange.getConnection());
            return;
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", problem.getMessage());
        body.put("detail", problem.detail());
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            bytes = "{\"error\":\"Internal error\",\"detail\":\"\"}".getBytes(StandardCharsets.UTF_8);
        }
        exchange.setStatusCode(problem.status());
        exchange.getResponseHeaders().clear();
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        if (problem.retryAfterSeconds() > 0) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, problem.retryAfterSeconds());
        }
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(bytes));
    }
}
