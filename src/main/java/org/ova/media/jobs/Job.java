package org.ova.media.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One job of the {@link ProcessingService} as it is at one moment (the server's {@code /api/jobs} and
 * its {@code job} events show these).
 *
 * @param id       the job's number, counting from 1 in this run of the server
 * @param videoId  the video's id
 * @param path     the video, relative to the library
 * @param title    the video's title
 * @param kind     what the job does
 * @param state    where the job is
 * @param step     the step running (1-based), 0 before the first
 * @param steps    the steps of the video's work, 0 until known
 * @param stepName what the running step makes ("VTTs", "Thumbnail", …, "Probe"); empty when none runs
 * @param queued   when it was queued
 * @param started  when it began running
 * @param finished when it ended
 * @param failure  why it failed
 * @param lines    its log lines so far, as the console shows them (the seed's workflow lines)
 */
public record Job(
        long id,
        String videoId,
        String path,
        String title,
        JobKind kind,
        JobState state,
        int step,
        int steps,
        String stepName,
        Instant queued,
        Optional<Instant> started,
        Optional<Instant> finished,
        Optional<String> failure,
        List<String> lines) {

    public Job {
        lines = List.copyOf(lines);
    }
}
