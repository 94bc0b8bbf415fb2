package org.ova.media.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ova.repo.LibraryVideo;

/** A job while the service holds it: changed by its worker, read as {@link Job} snapshots by anyone. */
final class RunningJob {

    /** The failure of a job cancelled before it ended. */
    static final String CANCELLED = "cancelled";
    /** Lines kept per job: a video's workflow has about ten. */
    private static final int MAX_LINES = 500;

    private final long id;
    private final String videoId;
    private final String path;
    private final String title;
    private final JobKind kind;
    private final Instant queued;
    private final List<String> lines = new ArrayList<>();
    private JobState state = JobState.QUEUED;
    private int step;
    private int steps;
    private String stepName = "";
    private Instant started;
    private Instant finished;
    private String failure;
    /** The worker running it; {@code null} until it starts. */
    private Thread worker;

    private final CountDownLatch ended = new CountDownLatch(1);

    RunningJob(long id, LibraryVideo video, JobKind kind, Instant queued) {
        this.id = id;
        this.videoId = video.id();
        this.path = video.path();
        this.title = video.metadata().title();
        this.kind = kind;
        this.queued = queued;
    }

    long id() {
        return id;
    }

    String videoId() {
        return videoId;
    }

    String path() {
        return path;
    }

    JobKind kind() {
        return kind;
    }

    /** Whether it waits for a worker to do {@code what} to video {@code id}: a second request joins it. */
    synchronized boolean waiting(String id, JobKind what) {
        return state == JobState.QUEUED && videoId.equals(id) && kind == what;
    }

    synchronized boolean finished() {
        return state == JobState.DONE || state == JobState.FAILED;
    }

    /** Marks it running on {@code worker}; false when it was cancelled while it waited. */
    synchronized boolean start(Instant now, Thread worker) {
        if (state != JobState.QUEUED) {
            return false;
        }
        state = JobState.RUNNING;
        started = now;
        this.worker = worker;
        return true;
    }

    /**
     * Cancels it: a waiting job fails at once; a running one's worker is interrupted, which stops its
     * ffmpeg and rolls its files back.
     *
     * @return whether it was running (then {@link #awaitEnd} waits for the rollback)
     */
    synchronized boolean cancel(Instant now) {
        if (state == JobState.QUEUED) {
            finish(now, Optional.of(CANCELLED));
            return false;
        }
        if (state == JobState.RUNNING) {
            worker.interrupt();
            return true;
        }
        return false;
    }

    /** Waits until it is finished, at most {@code limit}; false when it is still running. */
    boolean awaitEnd(Duration limit) throws InterruptedException {
        return ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void step(int number, int total, String name) {
        step = number;
        steps = total;
        stepName = name;
    }

    synchronized void line(String line) {
        if (lines.size() < MAX_LINES) {
            lines.add(line);
        }
    }

    synchronized void finish(Instant now, Optional<String> why) {
        state = why.isPresent() ? JobState.FAILED : JobState.DONE;
        finished = now;
        failure = why.orElse(null);
        stepName = "";
        worker = null;
        ended.countDown();
    }

    synchronized Job snapshot() {
        return new Job(
                id,
                videoId,
                path,
                title,
                kind,
                state,
                step,
                steps,
                stepName,
                queued,
                Optional.ofNullable(started),
                Optional.ofNullable(finished),
                Optional.ofNullable(failure),
                lines);
    }
}
