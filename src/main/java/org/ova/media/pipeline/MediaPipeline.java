package org.ova.media.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
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
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;

/**
 * The media half of a build: probes new videos, then brings every video's generated media up to
 * date, several videos at once. Each video's log lines are printed together when it is done; a
 * failing video is reported and retried next build, never stopping the others. {@link #cancel()}
 * (Ctrl-C) stops running ffmpeg processes and leaves no staging behind.
 */
public final class MediaPipeline {

    private static final Logger LOG = LogManager.getLogger(MediaPipeline.class);

    /** A video of the library: its id, its path relative to the library, and the file. */
    public record Video(String id, String path, Path file) {}

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
            try {
                ProbeResult result = probe.probe(video.file());
                state.record(video.id(), state.get(video.id()).withProbe(result));
            } catch (MediaException e) {
                VideoLog log = new VideoLog();
                log.error("Failed to probe '" + video.path() + "': " + e.getMessage(), e);
                log.success("Video '" + video.path() + "' added to the library with a placeholder; it is retried"
                        + " on the next build.");
                print(log, video);
                report.problem(BuildPhase.PROBE, video.path(), e.getMessage());
                state.record(
                        video.id(),
                        state.get(video.id())
                                .withSteps(state.get(video.id()).steps(), Optional.of("probe: " + e.getMessage())));
            }
        });
        state.save();
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
        List<Video> pending = new ArrayList<>();
        for (Video video : videos) {
            state.get(video.id()).probe().ifPresent(probed -> {
                VideoJob check = job(video, probed, metadata.apply(video.id()), tools);
                if (!processor.pending(check, state.get(video.id())).isEmpty()) {
                    pending.add(video);
                }
            });
        }
        if (pending.isEmpty()) {
            LOG.debug("All generated media is up to date.");
            return 0;
        }
        MediaTools chosen = tools.with(hardware.apply(pending.get(0).file()));
        List<VideoJob> jobs = pending.stream()
                .map(video ->
                        job(video, state.get(video.id()).probe().orElseThrow(), metadata.apply(video.id()), chosen))
                .toList();
        forEach(jobs, "videos", job -> {
            VideoState before = state.get(job.id());
            VideoState after = processor.process(job, before);
            state.record(job.id(), after);
            after.failure().ifPresent(failure -> report.problem(BuildPhase.PROCESS, job.relativePath(), failure));
            job.log().success("Video '" + job.relativePath() + "' successfully added to storage.");
            progress.printing(() -> job.log().flush(LOG, "--- Processing video: " + job.relativePath() + " ---"));
        });
        state.save();
        return jobs.size();
    }

    /**
     * Cleans up after a build that was killed: stops the ffmpeg processes it left running (they
     * would go on writing into staging) and deletes its staging folders. Its finished videos are
     * already in the state (see {@link ProcessingState#record}). Call before processing.
     */
    public void recoverFromInterruptedBuild(ProcessRecords records) {
        records.stopLeftovers();
        VideoProcessor.deleteTree(layout.stagingDir());
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
                new VideoLog());
    }

    private <T> void forEach(List<T> items, String what, Consumer<T> work) {
        if (items.isEmpty() || cancelled) {
            return;
        }
        progress.start(what, items.size());
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallel, items.size()));
        running = executor;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> {
                    if (!cancelled) {
                        work.accept(item);
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

    private void print(VideoLog log, Video video) {
        progress.printing(() -> log.flush(LOG, "--- Processing video: " + video.path() + " ---"));
    }
}
