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
    /** The thread running it, while it runs. */
    private Thread worker;

    private boolean cancelled;

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

    /** Marks it running on the calling thread; false when it was cancelled before it started. */
    synchronized boolean start(Instant now) {
        if (cancelled) {
            return false;
        }
        state = JobState.RUNNING;
        started = now;
        worker = Thread.currentThread();
        return true;
    }

    /**
     * Cancels it unless it finished: a queued job will not start, a running one's thread is interrupted (its
     * ffmpeg is stopped and what it made removed).
     *
     * @return whether it was running: then {@link #awaitEnd} waits for it to end (rolled back)
     */
    synchronized boolean cancel() {
        if (finished()) {
            return false;
        }
        cancelled = true;
        if (worker != null) {
            worker.interrupt();
        }
        return state == JobState.RUNNING;
    }

    /**
     * Ends the part a cancellation interrupts (ffmpeg's): whether the job goes on, that is, was not cancelled.
     * A cancelled job's thread has its interruption cleared, so that it does not reach the next work.
     */
    synchronized boolean mediaDone() {
        worker = null;
        if (cancelled) {
            Thread.interrupted();
        }
        return !cancelled;
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
        worker = null;
        state = why.isPresent() ? JobState.FAILED : JobState.DONE;
        finished = now;
        failure = why.orElse(null);
        stepName = "";
        ended.countDown();
    }

    /** Waits until it is finished, at most {@code limit}; false when it still runs. */
    boolean awaitEnd(Duration limit) throws InterruptedException {
        return ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
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
