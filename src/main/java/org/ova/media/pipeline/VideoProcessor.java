package org.ova.media.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ova.media.MediaException;
import org.ova.media.ffmpeg.DiskSpace;
import org.ova.repo.LibraryLayout;

/**
 * Runs the steps of one video as a transaction: each step that is out of date writes into its own
 * staging folder; only when all of them succeed are their folders moved into
 * {@code .ova-repo/media/<id>/}. When one fails, everything this run made for the video is deleted,
 * the cause is logged and remembered, and the video is retried on the next build. Its log lines are the
 * workflow's: {@code Running video processor service...}, a line per step made, and on a failure
 * {@code Cancelling video processor service...} and a {@code Deleting generated ...} line per step undone. Outputs of earlier
 * builds stay in place, so the site keeps what it had.
 */
final class VideoProcessor {

    private final LibraryLayout layout;
    private final List<ProcessingStep> steps;

    VideoProcessor(LibraryLayout layout, List<ProcessingStep> steps) {
        this.layout = layout;
        this.steps = List.copyOf(steps);
    }

    /** The steps {@link #process} would run for this job, given what was made before. */
    List<ProcessingStep> pending(VideoJob job, VideoState state) {
        List<ProcessingStep> pending = new ArrayList<>();
        for (ProcessingStep step : steps) {
            StepOutput made = state.steps().get(step.kind());
            if (step.appliesTo(job) && (made == null || !key(step, job).equals(made.key()))) {
                pending.add(step);
            }
        }
        return pending;
    }

    /**
     * Brings the video's media up to date and returns its new state.
     *
     * @throws MediaException only when cancelled (interrupted); step failures are recorded instead
     */
    VideoState process(VideoJob job, VideoState state) {
        Map<MediaKind, StepOutput> done = new EnumMap<>(MediaKind.class);
        done.putAll(state.steps());
        removeStepsThatNoLongerApply(job, done);
        List<ProcessingStep> pending = pending(job, state);
        if (pending.isEmpty()) {
            return state.withSteps(done, Optional.empty());
        }
        Path staging = layout.stagingDir().resolve(job.id());
        List<ProcessingStep> made = new ArrayList<>();
        job.log().info("Running video processor service...");
        try {
            deleteTree(staging);
            for (ProcessingStep step : pending) {
                job.log().step(made.size() + 1, pending.size(), step.kind().noun());
                Path outDir =
                        Files.createDirectories(staging.resolve(step.kind().folder()));
                try {
                    runWithCpuFallback(step, job, outDir);
                    OutputCheck.verify(job, outDir.resolve(step.outputFile(job)));
                } catch (MediaException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                    // the reason goes with the exception (ova.log) and into the report and the failure
                    job.log()
                            .error(
                                    "Failed to generate " + step.kind().lowerNoun() + " for '" + job.relativePath()
                                            + "'.",
                                    e);
                    job.log().info("Cancelling video processor service...");
                    for (ProcessingStep undone : made) {
                        job.log().info("Deleting generated " + undone.kind().plural() + "...");
                    }
                    job.log().info("Video processor service finished.");
                    return state.withSteps(done, Optional.of(step.kind().noun() + ": " + e.getMessage()));
                }
                made.add(step);
                job.log().info(step.kind().generatedLine(job.relativePath()));
            }
            for (ProcessingStep step : made) {
                String folder = step.kind().folder();
                moveIntoPlace(staging.resolve(folder), layout.mediaDir(job.id()).resolve(folder));
                done.put(step.kind(), new StepOutput(key(step, job), step.outputFile(job)));
            }
            job.log().info("Video processor service finished.");
            return state.withSteps(done, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not stage media for " + job.relativePath() + " in " + staging + ": " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
    }

    /** A failure on the GPU (decoding, or NVENC) is retried on the CPU, never failing the video for it. */
    private static void runWithCpuFallback(ProcessingStep step, VideoJob job, Path outDir) throws IOException {
        try {
            run(step, job, outDir);
        } catch (MediaException e) {
            boolean onGpu =
                    !job.tools().decodeArguments().isEmpty() || job.tools().nvenc();
            if (!onGpu || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            job.log()
                    .warn("GPU processing failed for " + step.kind().lowerNoun() + " of '" + job.relativePath() + "' ("
                            + e.getMessage() + "); retrying on the CPU.");
            deleteTree(outDir);
            Files.createDirectories(outDir);
            run(
                    step,
                    new VideoJob(
                            job.id(),
                            job.relativePath(),
                            job.file(),
                            job.probe(),
                            job.vr(),
                            job.tools().onCpu(),
                            job.log()),
                    outDir);
        }
    }

    /** A file a step cannot write (a full disk, most often) fails the video, not the build. */
    private static void run(ProcessingStep step, VideoJob job, Path outDir) {
        try {
            step.run(job, outDir);
        } catch (UncheckedIOException e) {
            throw new MediaException(
                    job.file(), DiskSpace.nearlyFull(outDir) ? DiskSpace.fullMessage(outDir) : e.getMessage(), e);
        }
    }

    private void removeStepsThatNoLongerApply(VideoJob job, Map<MediaKind, StepOutput> done) {
        for (ProcessingStep step : steps) {
            if (!step.appliesTo(job) && done.remove(step.kind()) != null) {
                deleteTree(layout.mediaDir(job.id()).resolve(step.kind().folder()));
            }
        }
    }

    static String key(ProcessingStep step, VideoJob job) {
        String input = step.inputKey(job);
        return input.isEmpty()
                ? step.optionsKey()
                : step.optionsKey() + " input=" + Integer.toHexString(input.hashCode());
    }

    /** Replaces {@code target} by {@code staged}; the old folder is renamed away first and deleted last. */
    private static void moveIntoPlace(Path staged, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        Files.move(staged, target);
        deleteTree(old);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root + ": " + e.getMessage(), e);
        }
    }
}
