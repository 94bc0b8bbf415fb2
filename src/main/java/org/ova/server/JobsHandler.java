package org.ova.server;

import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.ova.media.jobs.Job;
import org.ova.media.jobs.ProcessingService;

/**
 * The processing API: {@code GET /api/jobs} ({@code {"processing": true|false, "jobs": [...]}}, oldest
 * first, see {@link JobJson}), {@code POST /api/jobs/{videoId}/retry} (queues a video whose last job
 * failed) and {@code POST /api/videos/{id}/vtt} (queues "re-make VTTs"; refused with 403 while
 * {@code server.batchVtt} is false). A queued job is answered with 202 and its JSON. Without the
 * service ({@code ova serve --no-process}) the list is empty and the writes answer 503.
 */
final class JobsHandler {

    private final Optional<ProcessingService> processing;
    private final boolean batchVtt;

    JobsHandler(Optional<ProcessingService> processing, boolean batchVtt) {
        this.processing = processing;
        this.batchVtt = batchVtt;
    }

    /** {@code GET /api/jobs}. */
    void list(HttpServerExchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("processing", processing.isPresent());
        body.put(
                "jobs",
                processing
                        .map(service -> service.jobs().stream().map(JobJson::of).toList())
                        .orElse(List.of()));
        JsonAnswer.send(exchange, 200, body);
    }

    /** {@code POST /api/jobs/{videoId}/retry}: 202, 404 for an unknown video, 409 when its last job did not fail. */
    void retry(HttpServerExchange exchange) {
        queued(exchange, ProcessingService::retry);
    }

    /** {@code POST /api/videos/{id}/vtt}: 202, 403 with {@code server.batchVtt} false, 404 for an unknown video. */
    void remakeVtts(HttpServerExchange exchange) {
        if (!batchVtt) {
            throw HttpProblem.forbidden(
                    "Re-making VTTs is turned off on this server",
                    "Set server.batchVtt: true in .ova-repo/config.yaml and restart 'ova serve'.");
        }
        queued(exchange, ProcessingService::remakeVtts);
    }

    private void queued(HttpServerExchange exchange, BiFunction<ProcessingService, String, Optional<Job>> queue) {
        String id = ApiPaths.videoId(exchange);
        ProcessingService service = processing.orElseThrow(() -> new HttpProblem(
                503,
                "Processing is off on this server",
                "It was started with --no-process: restart 'ova serve' without it."));
        Optional<Job> job;
        try {
            job = queue.apply(service, id);
        } catch (IllegalStateException e) {
            throw new HttpProblem(409, "Nothing queued: " + e.getMessage(), "See GET /api/jobs.");
        }
        Job queued = job.orElseThrow(() -> HttpProblem.noVideo(id));
        JsonAnswer.send(exchange, 202, JobJson.of(queued));
    }
}
