package org.ova.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;

/** What the API's routed paths carry ({@code /api/videos/{id}}, {@code /api/uploads/{id}/…}). */
public final class ApiPaths {

    private ApiPaths() {}

    /** The {@code {id}} of the request's routed path. */
    public static String videoId(HttpServerExchange exchange) {
        return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY)
                .getParameters()
                .get("id");
    }
}
