package org.ova.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.ova.server.edit.EditJsonWriter;
import org.ova.server.edit.EditOutcome;
import org.ova.server.edit.EditableVideo;
import org.ova.server.edit.VideoEditor;

/**
 * The edit API: {@code GET /api/videos/{id}} (the video's editable state, its version in {@code ETag}),
 * {@code PATCH /api/videos/{id}} (a partial edit that must name the version it was made on in
 * {@code If-Match}) and {@code PATCH /api/videos} (one change for many videos). The JSON is
 * {@link EditJsonWriter}'s; the pages an edit changes are re-rendered before its answer leaves, so a
 * page loaded after a 200 shows the edit.
 */
final class EditHandler {

    private static final String JSON = "application/json; charset=utf-8";

    private final VideoEditor editor;

    EditHandler(VideoEditor editor) {
        this.editor = editor;
    }

    /** {@code GET /api/videos/{id}}: 200 with the video and its {@code ETag}, 404 for an unknown id. */
    void read(HttpServerExchange exchange) {
        String id = ApiPaths.videoId(exchange);
        EditableVideo video = editor.read(id).orElseThrow(() -> HttpProblem.noVideo(id));
        send(exchange, 200, video.etag(), EditJsonWriter.video(video));
    }

    /**
     * {@code PATCH /api/videos/{id}}: 200 with the video as saved and its new {@code ETag}; 409 with the
     * current state when {@code If-Match} names an older version; 428 without {@code If-Match}; 400 with
     * every problem of the edit; 404 for an unknown id.
     */
    void edit(HttpServerExchange exchange) throws IOException {
        String id = ApiPaths.videoId(exchange);
        String ifMatch = exchange.getRequestHeaders().getFirst(Headers.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new HttpProblem(
                    428,
                    "Edit refused: the If-Match header is missing",
                    "Send the ETag that GET /api/videos/" + id + " answered (or If-Match: * to overwrite"
                            + " whatever the file holds now).");
        }
        EditOutcome outcome = editor.edit(id, Optional.of(ifMatch), body(exchange));
        if (outcome instanceof EditOutcome.Applied applied) {
            send(exchange, 200, applied.video().etag(), EditJsonWriter.video(applied.video()));
        } else if (outcome instanceof EditOutcome.Conflict conflict) {
            send(exchange, 409, conflict.current().etag(), EditJsonWriter.conflict(conflict.current()));
        } else if (outcome instanceof EditOutcome.Rejected rejected) {
            send(exchange, 400, null, EditJsonWriter.problems(rejected.problems()));
        } else {
            throw HttpProblem.noVideo(id);
        }
    }

    /**
     * {@code PATCH /api/videos}: 200 with {@code {"videos": [...], "problems": [...]}} when any video was
     * changed (the problems are of those that were not); 400 with the problems when none was, as when the
     * edit names an unknown id.
     */
    void bulkEdit(HttpServerExchange exchange) throws IOException {
        VideoEditor.BulkResult result = editor.bulkEdit(body(exchange));
        if (result.videos().isEmpty() && !result.problems().isEmpty()) {
            send(exchange, 400, null, EditJsonWriter.problems(result.problems()));
        } else {
            send(exchange, 200, null, EditJsonWriter.bulk(result));
        }
    }

    private static byte[] body(HttpServerExchange exchange) throws IOException {
        return JsonBody.read(
                exchange,
                "Edit refused: the body is larger than " + OvaServer.MAX_BODY_BYTES + " bytes",
                "Send only the fields that change.");
    }

    private static void send(HttpServerExchange exchange, int status, String etag, byte[] json) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        if (etag != null) {
            exchange.getResponseHeaders().put(Headers.ETAG, etag);
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(json));
    }
}
