package org.ova.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import java.io.IOException;

/** A JSON request body, read whole: the API's bodies are small ({@link OvaServer#MAX_BODY_BYTES} at most). */
public final class JsonBody {

    private JsonBody() {}

    /**
     * @param refused what a 413 says when the body is larger (the action refused)
     * @param detail  what to do instead
     */
    public static byte[] read(HttpServerExchange exchange, String refused, String detail) throws IOException {
        try {
            return exchange.getInputStream().readAllBytes();
        } catch (RequestTooBigException e) {
            throw new HttpProblem(413, refused, detail);
        }
    }
}
