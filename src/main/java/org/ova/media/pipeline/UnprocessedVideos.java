package org.ova.media.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.BuildPhase;
import org.ova.repo.BuildReport;
import org.ova.repo.LibraryVideo;
import org.ova.repo.Shard;

/**
 * The check of {@code ova build --render-only}: after the shards, every video the library processes must
 * be done or have failed. Each one that is neither is reported with the shard it belongs to and what to
 * run, and each failure again, so the run exits non-zero while the site is incomplete.
 */
public final class UnprocessedVideos {

    private static final Logger LOG = LogManager.getLogger(UnprocessedVideos.class);

    private UnprocessedVideos() {}

    /** Reports the videos of {@code videos} that {@code media} would still probe or process. */
    public static void report(MediaService media, List<LibraryVideo> videos, BuildReport report) {
        List<Shard> merged = media.mergedShards();
        if (!merged.isEmpty()) {
            LOG.info(
                    "Merged the processing states of shards {}.",
                    merged.stream().sorted().map(Shard::toString).collect(Collectors.joining(", ")));
        }
        Set<Integer> counts = merged.stream().map(Shard::count).collect(Collectors.toSet());
        Optional<Integer> count = counts.size() == 1 ? counts.stream().findFirst() : Optional.empty();
        List<LibraryVideo> left = media.withWork(videos);
        if (left.isEmpty()) {
            LOG.info("Nothing is left to process.");
        }
        for (LibraryVideo video : left) {
            Optional<String> failure = media.generated(video).failure();
            if (failure.isPresent()) {
                report.problem(BuildPhase.PROCESS, video.path(), failure.get());
                continue;
            }
            report.problem(
                    BuildPhase.PROCESS,
                    video.path(),
                    count.map(n -> Shard.of(video.id(), n))
                            .map(owner -> "not processed: it belongs to shard " + owner
                                    + (merged.contains(owner) ? ", which did not finish it" : ", which left no state")
                                    + "; run 'ova build --shard " + owner + "', then --render-only again")
                            .orElse("not processed: run the shards ('ova build --shard I/N') or a plain 'ova build'"));
        }
    }
}
