package org.ova.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Lets a request that changes something (any method but GET and HEAD) through only when it carries
 * {@code X-Requested-With: ova} (which a cross-site form cannot send), an {@code Origin}, when it has
 * one, of this server, and, when other hosts can reach the server, the token in {@code X-Ova-Token}.
 */
final class WriteGuard implements HttpHandler {

    static final HttpString REQUESTED_WITH = new HttpString("X-Requested-With");
    static final HttpString TOKEN = new HttpString("X-Ova-Token");

    private final Optional<String> requiredToken;
    private final HttpHandler next;

    /** @param requiredToken the token every write must carry; empty when writes need none */
    WriteGuard(Optional<String> requiredToken, HttpHandler next) {
        this.requiredToken = requiredToken;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HttpString method = exchange.getRequestMethod();
        if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
            check(exchange);
        }
        next.handleRequest(exchange);
    }

    private void check(HttpServerExchange exchange) {
        if (!"ova".equals(exchange.getRequestHeaders().getFirst(REQUESTED_WITH))) {
            throw HttpProblem.forbidden(
                    "Write refused: header X-Requested-With: ova is missing",
                    "ova's pages send it; scripts must send it too.");
        }
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (origin != null && !(origin.equals("http://" + host) || origin.equals("https://" + host))) {
            throw HttpProblem.forbidden(
                    "Write refused: it comes from another site (" + origin + ")",
                    "Make changes from the pages this server serves.");
        }
        if (requiredToken.isPresent()) {
            String sent = exchange.getRequestHeaders().getFirst(TOKEN);
            if (sent == null) {
                throw HttpProblem.forbidden(
                        "Write refused: this server needs its token",
                        "Send it in the X-Ova-Token header: 'ova serve' printed it at start (or set server.token).");
            }
            if (!MessageDigest.isEqual(
                    sent.getBytes(StandardCharsets.UTF_8), requiredToken.get().getBytes(StandardCharsets.UTF_8))) {
                throw HttpProblem.forbidden(
                        "Write refused: wrong token", "Use the token 'ova serve' printed at start.");
            }
        }
    }
}
