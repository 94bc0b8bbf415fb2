package org.ova.media.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.media.pipeline.MediaService;
import org.ova.media.pipeline.ProcessedVideo;
import org.ova.media.pipeline.ProcessingListener;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;

/**
 * The processing a server runs in the background: one queue of {@link Job}s, run first in, first out
 * by {@code processing.parallel} workers, each through {@link MediaService} as {@code ova build} runs
 * it (same steps, transaction, log block, threads and hardware). Jobs are queued at start for what a
 * build would process ({@link #queuePending}), by {@link #submit} (a watcher, an upload), {@link #retry}
 * and {@link #remakeVtts}; a request for a video that already waits for the same work joins that job.
 * The {@link Listener} hears every change of a job (a step, a log line) and each processed video, before
 * its job says done, so whoever sees "done" finds the site showing the result. {@link #close} stops
 * the running ffmpeg processes and removes their staging, as Ctrl-C does in a build.
 */
public final class ProcessingService implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(ProcessingService.class);
    /** Finished jobs kept for the job list; older ones are forgotten. */
    private static final int KEPT_FINISHED = 500;
    /** Why the job of a video that left the library ends. */
    private static final String GONE = "'%s' is no longer in the library";
    /** Why the job of a video that left the library while it ran ends. */
    private static final String STOPPED = GONE + " (its processing was stopped)";

    /** Hears the service; called on its worker threads. */
    public interface Listener {

        /** A job was queued or changed. */
        void changed(Job job);

        /** A job's video was processed (or failed): the served library and site take the result. */
        void processed(ProcessedVideo video);
    }

    private final MediaService media;
    private final Supplier<Library> library;
    private final Listener listener;
    private final ExecutorService workers;
    /** Every job of this run by id, oldest first. Guarded by {@code this}. */
    private final Map<Long, RunningJob> jobs = new LinkedHashMap<>();

    private long lastId;
    private volatile boolean closed;

    /**
     * @param library the library as served now (videos are looked up in it when their job starts)
     */
    public ProcessingService(MediaService media, Supplier<Library> library, Listener listener) {
        this.media = media;
        this.library = library;
        this.listener = listener;
        AtomicInteger workerNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(media.parallel(), work -> {
            Thread thread = new Thread(work, "ova-processing-" + workerNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Queues, on a thread of its own, every video {@code ova build} would probe or process now (none when
     * {@code processing.batch} is false), so that the site is served meanwhile.
     */
    public void queuePending() {
        Thread queuing = new Thread(
                () -> {
                    for (LibraryVideo video : media.withWork(library.get().videos())) {
                        if (closed) {
                            return;
                        }
                        queue(video, JobKind.PROCESS);
                    }
                },
                "ova-processing-queue");
        queuing.setDaemon(true);
        queuing.start();
    }

    /** Queues the video's processing; empty when no video has this id. */
    public Optional<Job> submit(String videoId) {
        return video(videoId).map(video -> queue(video, JobKind.PROCESS));
    }

    /**
     * Queues the video's processing when {@code ova build} would process it now (a step's inputs changed,
     * e.g. its chapters after an edit); empty when it has nothing to do or no video has this id.
     */
    public Optional<Job> submitIfPending(String videoId) {
        return video(videoId)
                .filter(video -> !media.withWork(List.of(video)).isEmpty())
                .map(video -> queue(video, JobKind.PROCESS));
    }

    /**
     * Queues the video again after its last job failed; empty when no video has this id.
     *
     * @throws IllegalStateException when its last job did not fail (the message says why)
     */
    public Optional<Job> retry(String videoId) {
        Optional<LibraryVideo> video = video(videoId);
        if (video.isEmpty()) {
            return Optional.empty();
        }
        Optional<Job> last = latest(videoId);
        if (last.isEmpty() || last.get().state() != JobState.FAILED) {
            throw new IllegalStateException("'" + video.get().path() + "' has no failed job to retry"
                    + last.map(job -> " (its last job is " + job.state().jsonName() + ")")
                            .orElse(""));
        }
        return Optional.of(queue(video.get(), JobKind.PROCESS));
    }

    /** Queues a job that makes the video's scrub sprites, WebVTT and chapters track again; empty for an unknown id. */
    public Optional<Job> remakeVtts(String videoId) {
        return video(videoId).map(video -> queue(video, JobKind.REMAKE_VTTS));
    }

    /**
     * Cancels the jobs of a video that left the library: queued ones never start, a running one stops its
     * ffmpeg and removes what it made (its job fails, saying why) before this returns.
     */
    public void cancel(String videoId) {
        List<RunningJob> stopping = new ArrayList<>();
        synchronized (this) {
            for (RunningJob job : jobs.values()) {
                if (job.videoId().equals(videoId) && job.cancel()) {
                    stopping.add(job);
                }
            }
        }
        // the caller deletes the video's files next: a running job must have rolled back first
        for (RunningJob job : stopping) {
            try {
                if (!job.awaitEnd(Duration.ofSeconds(15))) {
                    LOG.warn("Processing '{}' did not stop within 15 s after it was cancelled.", job.path());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Deletes the generated media and processing state of videos whose ids are not in {@code knownIds}. */
    public void removeGone(Set<String> knownIds) {
        media.removeGone(knownIds);
    }

    /** Every job of this run that is kept, oldest first. */
    public synchronized List<Job> jobs() {
        return jobs.values().stream().map(RunningJob::snapshot).toList();
    }

    /** The video's newest job of this run, if any. */
    public synchronized Optional<Job> latest(String videoId) {
        Job last = null;
        for (RunningJob job : jobs.values()) {
            if (job.videoId().equals(videoId)) {
                last = job.snapshot();
            }
        }
        return Optional.ofNullable(last);
    }

    private Optional<LibraryVideo> video(String id) {
        return library.get().videos().stream()
                .filter(video -> video.id().equals(id))
                .findFirst();
    }

    private Job queue(LibraryVideo video, JobKind kind) {
        RunningJob job;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the server is stopping: nothing more is processed");
            }
            for (RunningJob waiting : jobs.values()) {
                if (waiting.waiting(video.id(), kind)) {
                    return waiting.snapshot();
                }
            }
            job = new RunningJob(++lastId, video, kind, Instant.now());
            jobs.put(job.id(), job);
            forgetOldFinished();
        }
        Job queued = job.snapshot();
        listener.changed(queued);
        workers.execute(() -> run(job));
        return queued;
    }

    private void forgetOldFinished() {
        int finished = (int) jobs.values().stream().filter(RunningJob::finished).count();
        for (Iterator<RunningJob> it = jobs.values().iterator(); it.hasNext() && finished > KEPT_FINISHED; ) {
            if (it.next().finished()) {
                it.remove();
                finished--;
            }
        }
    }

    private void run(RunningJob job) {
        if (closed) {
            return;
        }
        Optional<LibraryVideo> video = video(job.videoId());
        if (video.isEmpty() || !job.start(Instant.now())) {
            job.finish(Instant.now(), Optional.of(GONE.formatted(job.path())));
            listener.changed(job.snapshot());
            return;
        }
        listener.changed(job.snapshot());
        ProcessingListener progress = new ProcessingListener() {
            @Override
            public void line(String line) {
                job.line(line);
                listener.changed(job.snapshot());
            }

            @Override
            public void step(int number, int total, String name) {
                job.step(number, total, name);
                listener.changed(job.snapshot());
            }
        };
        Optional<String> failure;
        try {
            ProcessedVideo result = job.kind() == JobKind.REMAKE_VTTS
                    ? media.remakeVtts(video.get(), progress)
                    : media.process(video.get(), progress);
            if (job.mediaDone()) {
                listener.processed(result);
                failure = result.failure();
                failure.ifPresent(why -> LOG.warn(
                        "Processing '{}' failed: {} (retry it: POST /api/jobs/{}/retry).",
                        job.path(),
                        why,
                        job.videoId()));
            } else {
                failure = Optional.of(STOPPED.formatted(job.path()));
            }
        } catch (RuntimeException e) {
            if (!job.mediaDone()) {
                failure = Optional.of(STOPPED.formatted(job.path()));
            } else if (closed || Thread.currentThread().isInterrupted()) {
                failure = Optional.of("cancelled: the server stopped (what it made was removed)");
            } else {
                LOG.error("Processing '{}' failed: {}", job.path(), e.getMessage(), e);
                failure = Optional.of(String.valueOf(e.getMessage()));
            }
        }
        job.finish(Instant.now(), failure);
        listener.changed(job.snapshot());
    }

    /**
     * Stops the service: queued jobs are dropped, running ffmpeg processes are stopped and their staging
     * removed (each job rolls back), and the processing state is written.
     */
    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("Processing did not stop within 15 s; the next start cleans up after it.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        media.save();
    }
}
