package org.ova.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** One line per request in the library's log: method, path, status, bytes sent and milliseconds. */
final class AccessLog implements HttpHandler {

    private static final Logger LOG = LogManager.getLogger("org.ova.server.access");

    private final HttpHandler next;

    AccessLog(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long started = System.nanoTime();
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            try {
                LOG.debug(
                        "{} {} {} {} B {} ms",
                        done.getRequestMethod(),
                        done.getRequestURI(),
                        done.getStatusCode(),
                        done.getResponseBytesSent(),
                        (System.nanoTime() - started) / 1_000_000);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }
}
