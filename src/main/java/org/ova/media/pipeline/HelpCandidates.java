package org.ova.media.pipeline;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.BuildReport;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryLoader;
import org.ova.repo.LibraryVideo;
import org.ova.repo.Shard;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.scan.IndexedVideo;

/**
 * The videos of another shard that a shard done with its own may make for it ({@link ShardQueue}): the
 * selected ones whose metadata file is there and reads without a problem (a new video's file is made by
 * its own shard, from its probe), that did not fail (their own shard tries them again), and that have
 * work to do as far as this shard's state and what the other shard recorded so far tell.
 */
final class HelpCandidates {

    private static final Logger LOG = LogManager.getLogger(HelpCandidates.class);

    private final LibraryLayout layout;
    private final MediaPipeline pipeline;
    private final Predicate<String> selected;
    private final List<IndexedVideo> library;
    private final Map<String, VideoMetadata> metadata;
    private final List<ProcessingStep> steps;
    private final MediaTools tools;

    /**
     * @param selected whether a video, by its path, is processed ({@code processing.batch}, {@code --only})
     * @param library  every video the scan found
     * @param metadata the metadata by video id the steps read: each candidate's is added to it
     */
    HelpCandidates(
            LibraryLayout layout,
            MediaPipeline pipeline,
            Predicate<String> selected,
            List<IndexedVideo> library,
            Map<String, VideoMetadata> metadata,
            List<ProcessingStep> steps,
            MediaTools tools) {
        this.layout = layout;
        this.pipeline = pipeline;
        this.selected = selected;
        this.library = library;
        this.metadata = metadata;
        this.steps = steps;
        this.tools = tools;
    }

    /** The candidates of shard {@code other}, in the scan's order. */
    List<MediaPipeline.Video> of(Shard other) {
        List<IndexedVideo> theirs = library.stream()
                .filter(video -> other.contains(video.id()) && selected.test(video.path()))
                .filter(video -> Files.exists(layout.metadataFile(video.path())))
                .toList();
        pipeline.learnFrom(other);
        Map<String, MediaPipeline.Video> files = theirs.stream()
                .map(MediaPipeline.Video::of)
                .collect(Collectors.toMap(MediaPipeline.Video::id, video -> video));
        BuildReport problems = new BuildReport();
        List<LibraryVideo> loaded = new LibraryLoader()
                .loadVideos(layout, theirs, video -> pipeline.facts(MediaPipeline.Video.of(video)), false, problems);
        Set<String> unreadable =
                problems.problems().stream().map(BuildReport.Problem::file).collect(Collectors.toSet());
        List<LibraryVideo> readable = loaded.stream()
                .filter(video -> !unreadable.contains(video.path()))
                .toList();
        readable.forEach(video -> metadata.put(video.id(), video.metadata()));
        List<MediaPipeline.Video> candidates = readable.stream()
                .filter(video ->
                        pipeline.generated(video.id(), video.path()).failure().isEmpty())
                .map(video -> files.get(video.id()))
                .filter(video -> pipeline.hasWork(video, metadata.get(video.id()), steps, tools))
                .toList();
        if (!candidates.isEmpty()) {
            LOG.info(
                    "Shard {} is still running: making those of its videos it has not started, from the end of"
                            + " its list.",
                    other);
        }
        return candidates;
    }
}
