package org.ova.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ova.media.jobs.Job;

/**
 * A processing {@link Job} as the API shows it ({@code GET /api/jobs}, the {@code job} event):
 * {@code {"id", "videoId", "path", "title", "kind": "process"|"vtt", "state":
 * "queued"|"running"|"done"|"failed", "step", "steps", "stepName", "queued", "started", "finished",
 * "failure", "lines"}}, times in ISO-8601 UTC, {@code null} for what is not known yet.
 */
public final class JobJson {

    private JobJson() {}

    public static Map<String, Object> of(Job job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("videoId", job.videoId());
        json.put("path", job.path());
        json.put("title", job.title());
        json.put("kind", job.kind().jsonName());
        json.put("state", job.state().jsonName());
        json.put("step", job.step());
        json.put("steps", job.steps());
        json.put("stepName", job.stepName());
        json.put("queued", job.queued().toString());
        json.put("started", time(job.started()));
        json.put("finished", time(job.finished()));
        json.put("failure", job.failure().orElse(null));
        json.put("lines", job.lines());
        return json;
    }

    private static String time(Optional<Instant> time) {
        return time.map(Instant::toString).orElse(null);
    }
}
