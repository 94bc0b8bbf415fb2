package org.ova.media.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.media.MediaException;
import org.ova.media.MediaProbe;
import org.ova.media.ProbeResult;
import org.ova.media.VrDetector;
import org.ova.media.WebCompatibility;
import org.ova.media.ffmpeg.ProcessRecords;
import org.ova.repo.BuildPhase;
import org.ova.repo.BuildReport;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.LibraryLayout;
import org.ova.repo.MediaFacts;
import org.ova.repo.Shard;
import org.ova.repo.VideoClaims;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;
import org.ova.repo.scan.IndexedVideo;

/**
 * The media half of a build: probes new videos, then brings every video's generated media up to
 * date, several videos at once. Each video's log lines are printed together when it is done; a
 * failing video is reported and retried next build, never stopping the others; a server processes one
 * video at a time the same way ({@link #processOne}). {@link #cancel()}
 * (Ctrl-C) stops running ffmpeg processes and leaves no staging behind.
 */
public final class MediaPipeline {

    private static final Logger LOG = LogManager.getLogger(MediaPipeline.class);

    /** A video of the library: its id, its path relative to the library, and the file. */
    public record Video(String id, String path, Path file) {

        /** The video the scan found. */
        public static Video of(IndexedVideo video) {
            return new Video(video.id(), video.path(), video.file());
        }
    }

    private final LibraryLayout layout;
    private final ProcessingState state;
    private final int parallel;
    private final Progress progress;
    private volatile ExecutorService running;
    private volatile boolean cancelled;

    public MediaPipeline(LibraryLayout layout, ProcessingState state, int parallel, Progress progress) {
        this.layout = layout;
        this.state = state;
        this.parallel = Math.max(1, parallel);
        this.progress = progress;
    }

    /** Probes the videos that have no probe result yet; failures are reported and remembered. */
    public void probe(List<Video> videos, MediaProbe probe, BuildReport report) {
        List<Video> unprobed = videos.stream()
                .filter(video -> state.get(video.id()).probe().isEmpty())
                .toList();
        forEach(unprobed, "probed", video -> {
            VideoLog log = new VideoLog();
            if (!probed(video, probe, log, report)) {
                print(log, video.path());
            }
        });
        state.save();
    }

    /**
     * Probes one video and records the result; a failure is logged in the workflow's shape, reported and
     * remembered (the video is listed with a placeholder and probed again next time).
     *
     * @return whether probing succeeded
     * @throws MediaException when the thread is interrupted
     */
    private boolean probed(Video video, MediaProbe probe, VideoLog log, BuildReport report) {
        try {
            ProbeResult result = probe.probe(video.file());
            state.record(video.id(), state.get(video.id()).withProbe(result));
            return true;
        } catch (MediaException e) {
            if (Thread.currentThread().isInterrupted()) {
                // cancelled (Ctrl-C, a server that stops), as a step is: nothing is recorded
                throw e;
            }
            log.info("Running video processor service...");
            log.error("Failed to probe '" + video.path() + "'.", e);
            log.info("Cancelling video processor service...");
            log.info("Video processor service finished.");
            report.problem(BuildPhase.PROBE, video.path(), e.getMessage());
            state.record(
                    video.id(),
                    state.get(video.id())
                            .withSteps(state.get(video.id()).steps(), Optional.of("probe: " + e.getMessage())));
            log.info("Video data added to database.");
            log.success("Video '" + video.path() + "' added to the library with a placeholder; it is retried"
                    + " on the next build.");
            return false;
        }
    }

    /** What processing found about a video, once it was probed. */
    public Optional<MediaFacts> facts(Video video) {
        return state.get(video.id())
                .probe()
                .map(probed -> new MediaFacts(
                        probed.durationSeconds(),
                        probed.width(),
                        probed.height(),
                        probed.container(),
                        probed.videoCodec(),
                        probed.audioCodec().orElse(""),
                        probed.frameRate(),
                        probed.bitRate(),
                        VrDetector.detect(
                                VrMode.AUTO,
                                probed.sideDataVr(),
                                video.file().getFileName().toString()),
                        probed.chapters()));
    }

    /**
     * The files made for a video so far (paths relative to the library), its last failure, and the
     * file browsers play ({@link WebCompatibility#playableFile}), as recorded in the processing state.
     *
     * @param path the video, relative to the library
     */
    public GeneratedMedia generated(String id, String path) {
        VideoState video = state.get(id);
        Optional<String> proxy = output(id, video, MediaKind.WEB_PROXY);
        return new GeneratedMedia(
                output(id, video, MediaKind.THUMBNAIL),
                output(id, video, MediaKind.SPRITES),
                output(id, video, MediaKind.PREVIEW),
                output(id, video, MediaKind.CHAPTERS),
                proxy,
                video.failure(),
                WebCompatibility.playableFile(path, video.probe(), proxy));
    }

    private Optional<String> output(String id, VideoState video, MediaKind kind) {
        return Optional.ofNullable(video.steps().get(kind))
                .map(made -> layout.relativize(
                        layout.mediaDir(id).resolve(kind.folder()).resolve(made.file())));
    }

    /**
     * Runs the out-of-date steps of every probed video.
     *
     * @param metadata the person's metadata by video id (VR override, chapters)
     * @param tools    the tools, decoding on the CPU
     * @param hardware chooses the hardware once there is work, given a video to test hardware
     *                 decoding on (so a build with nothing to do runs no test decode)
     * @return how many videos had work to do
     */
    public int process(
            List<Video> videos,
            Function<String, VideoMetadata> metadata,
            List<ProcessingStep> steps,
            MediaTools tools,
            Function<Path, HardwareDecoding.Choice> hardware,
            BuildReport report) {
        VideoProcessor processor = new VideoProcessor(layout, steps);
        List<Video> pending = pending(videos, metadata, processor, tools);
        if (pending.isEmpty()) {
            LOG.debug("All generated media is up to date.");
            return 0;
        }
        MediaTools chosen = tools.with(hardware.apply(pending.get(0).file()));
        List<VideoJob> jobs = pending.stream()
                .map(video ->
                        job(video, state.get(video.id()).probe().orElseThrow(), metadata.apply(video.id()), chosen))
                .toList();
        forEach(jobs, "videos", job -> run(job, processor, report));
        state.save();
        return jobs.size();
    }

    /** The probed videos of {@code videos} with a step out of date, in order. */
    public List<Video> pending(
            List<Video> videos,
            Function<String, VideoMetadata> metadata,
            List<ProcessingStep> steps,
            MediaTools tools) {
        return pending(videos, metadata, new VideoProcessor(layout, steps), tools);
    }

    private List<Video> pending(
            List<Video> videos, Function<String, VideoMetadata> metadata, VideoProcessor processor, MediaTools tools) {
        return videos.stream()
                .filter(video -> state.get(video.id()).probe().isPresent()
                        && hasWork(video, metadata.apply(video.id()), processor, tools))
                .toList();
    }

    /** Takes in what shard {@code other} has recorded about its videos ({@link ProcessingState#learnFrom}). */
    void learnFrom(Shard other) {
        state.learnFrom(other);
    }

    /**
     * Runs the videos of one shard's {@code queue}, {@code parallel} at once: its own, then those of
     * other shards still running, which are probed first when this shard never probed them and made only
     * when they have work to do. Each video's claim is ended (made or failed) once its state is recorded.
     *
     * @param own      how many of the queue's videos are the shard's own, for the progress shown
     * @param metadata the person's metadata by video id, also of the other shards' videos the queue gives
     * @return how many videos were made (or failed)
     */
    int process(
            ShardQueue queue,
            int own,
            Function<String, VideoMetadata> metadata,
            List<ProcessingStep> steps,
            MediaTools tools,
            Function<Path, HardwareDecoding.Choice> hardware,
            MediaProbe probe,
            BuildReport report) {
        VideoProcessor processor = new VideoProcessor(layout, steps);
        AtomicReference<MediaTools> chosen = new AtomicReference<>();
        AtomicInteger made = new AtomicInteger();
        forEach(own, parallel, "videos", queue::next, task -> {
            Video video = task.video();
            VideoClaims.Claim claim = task.claim();
            try {
                if (task.helped()) {
                    progress.more(1);
                    state.adopt(video.id());
                    VideoLog log = new VideoLog();
                    if (state.get(video.id()).probe().isEmpty() && !probed(video, probe, log, report)) {
                        print(log, video.path());
                        claim.failed();
                        return;
                    }
                    if (!hasWork(video, metadata.apply(video.id()), processor, tools)) {
                        return;
                    }
                }
                MediaTools withHardware =
                        chosen.updateAndGet(known -> known != null ? known : tools.with(hardware.apply(video.file())));
                ProbeResult probed = state.get(video.id()).probe().orElseThrow();
                VideoState after = run(job(video, probed, metadata.apply(video.id()), withHardware), processor, report);
                made.incrementAndGet();
                if (after.failure().isPresent()) {
                    claim.failed();
                } else {
                    claim.made();
                }
            } finally {
                claim.close();
            }
        });
        state.save();
        return made.get();
    }

    /**
     * Probes {@code video} when it was not probed yet, then runs its out-of-date steps, as
     * {@link #process} does for each video, telling {@code listener} each line and step as it happens.
     * Its block is printed when it is done, as in a build; a video with nothing to do prints nothing.
     *
     * @param tools the tools, with the hardware already chosen
     * @return the video's state afterwards (its failure, if any, is also in {@code report})
     * @throws MediaException when the thread is interrupted (cancelled); what the video made is removed
     */
    public VideoState processOne(
            Video video,
            MediaProbe probe,
            VideoMetadata metadata,
            List<ProcessingStep> steps,
            MediaTools tools,
            ProcessingListener listener,
            BuildReport report) {
        VideoLog log = new VideoLog(listener);
        listener.line(VideoLog.header(video.path()));
        if (state.get(video.id()).probe().isEmpty()) {
            log.step(1, 1, "Probe");
            if (!probed(video, probe, log, report)) {
                print(log, video.path());
                return state.get(video.id());
            }
        }
        VideoJob job = job(video, state.get(video.id()).probe().orElseThrow(), metadata, tools, log);
        VideoProcessor processor = new VideoProcessor(layout, steps);
        if (processor.pending(job, state.get(video.id())).isEmpty()) {
            log.info("Generated media of '" + video.path() + "' is up to date.");
            return state.get(video.id());
        }
        return run(job, processor, report);
    }

    /** Whether {@link #processOne} would probe the video or run a step of it. */
    public boolean hasWork(Video video, VideoMetadata metadata, List<ProcessingStep> steps, MediaTools tools) {
        return hasWork(video, metadata, new VideoProcessor(layout, steps), tools);
    }

    private boolean hasWork(Video video, VideoMetadata metadata, VideoProcessor processor, MediaTools tools) {
        VideoState now = state.get(video.id());
        return now.probe()
                .map(probed -> !processor
                        .pending(job(video, probed, metadata, tools), now)
                        .isEmpty())
                .orElse(true);
    }

    /** Runs one job's steps, records its new state and prints its block. */
    private VideoState run(VideoJob job, VideoProcessor processor, BuildReport report) {
        VideoState after = processor.process(job, state.get(job.id()));
        state.record(job.id(), after);
        after.failure().ifPresent(failure -> report.problem(BuildPhase.PROCESS, job.relativePath(), failure));
        job.log().info("Video data added to database.");
        job.log().success("Video '" + job.relativePath() + "' successfully added to storage.");
        print(job.log(), job.relativePath());
        return after;
    }

    /**
     * Forgets what was made for these kinds of media of a video, so that its next processing makes them
     * again; the files stay in place (the site keeps showing them) until the new ones replace them.
     */
    public void forget(String id, Set<MediaKind> kinds) {
        VideoState before = state.get(id);
        Map<MediaKind, StepOutput> kept = new EnumMap<>(MediaKind.class);
        kept.putAll(before.steps());
        kept.keySet().removeAll(kinds);
        state.record(id, before.withSteps(kept, before.failure()));
    }

    /** Writes the processing state (the journal holds each finished video already). */
    public void save() {
        state.save();
    }

    /**
     * Cleans up after a build that was killed: stops the ffmpeg processes it left running (they
     * would go on writing into staging) and deletes its staging folders. Its finished videos are
     * already in the state (see {@link ProcessingState#record}). Call before processing.
     *
     * @param shard a shard cleans up only its own videos' staging: the other shards are at work
     */
    public void recoverFromInterruptedBuild(ProcessRecords records, Optional<Shard> shard) {
        records.stopLeftovers();
        if (shard.isEmpty()) {
            VideoProcessor.deleteTree(layout.stagingDir());
            return;
        }
        try (var staged = Files.list(layout.stagingDir())) {
            staged.filter(dir -> shard.get().contains(dir.getFileName().toString()))
                    .toList()
                    .forEach(VideoProcessor::deleteTree);
        } catch (IOException e) {
            // no staging: nothing to clean up
        }
    }

    /** Deletes the media and state of videos no longer in the library. */
    public void removeGone(Set<String> liveIds) {
        for (String id : state.retain(liveIds)) {
            VideoProcessor.deleteTree(layout.mediaDir(id));
        }
        try (var dirs = Files.list(layout.mediaDir())) {
            for (Path dir : dirs.toList()) {
                if (!liveIds.contains(dir.getFileName().toString())) {
                    VideoProcessor.deleteTree(dir);
                }
            }
        } catch (IOException e) {
            // no media folder yet: nothing to remove
        }
        state.save();
    }

    /** Stops the running jobs: ffmpeg processes are killed and staging is removed by each job. */
    public void cancel() {
        cancelled = true;
        ExecutorService executor = running;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state.save();
    }

    private static VideoJob job(Video video, ProbeResult probed, VideoMetadata metadata, MediaTools tools) {
        return job(video, probed, metadata, tools, new VideoLog());
    }

    private static VideoJob job(
            Video video, ProbeResult probed, VideoMetadata metadata, MediaTools tools, VideoLog log) {
        return new VideoJob(
                video.id(),
                video.path(),
                video.file(),
                probed.withFile(video.file()),
                VrDetector.detect(
                        metadata.vr(),
                        probed.sideDataVr(),
                        video.file().getFileName().toString()),
                tools,
                log);
    }

    private <T> void forEach(List<T> items, String what, Consumer<T> work) {
        Iterator<T> left = items.iterator();
        forEach(
                items.size(),
                Math.min(parallel, items.size()),
                what,
                () -> {
                    synchronized (left) {
                        return left.hasNext() ? Optional.of(left.next()) : Optional.empty();
                    }
                },
                work);
    }

    /**
     * Runs {@code work} on each item {@code next} gives, on {@code workers} threads, until it gives none.
     *
     * @param expected how many items are expected, for the progress shown
     */
    private <T> void forEach(int expected, int workers, String what, Supplier<Optional<T>> next, Consumer<T> work) {
        if (workers == 0 || cancelled) {
            return;
        }
        progress.start(what, expected);
        ExecutorService executor = Executors.newFixedThreadPool(workers);
        running = executor;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                futures.add(executor.submit(() -> {
                    Optional<T> item;
                    while (!cancelled && (item = next.get()).isPresent()) {
                        work.accept(item.get());
                        progress.advance();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } finally {
            executor.shutdownNow();
            running = null;
            progress.finish();
        }
    }

    private void print(VideoLog log, String path) {
        progress.printing(() -> log.flush(LOG, VideoLog.header(path)));
    }
}
