package org.ova.media.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.Shard;
import org.ova.repo.VideoClaims;

/**
 * What the workers of one shard ({@code ova build --shard I/N}) process next, so that shards end
 * together although their videos differ in number and length. First the shard's own videos, each
 * claimed ({@link VideoClaims}) before it is made; then those of its videos another shard had claimed,
 * once that shard lets them go, unless it made them (failed, or its process ended: this shard makes
 * them); then, while other shards of the same count still run, their videos, taken from the end of
 * their lists, where they start last, one shard after the other in turn, never one that failed (its
 * own shard tries it again). A shard that does not run is never helped: one killed or never started is
 * left to its own rerun, and {@code --render-only} names its videos. Safe for several workers.
 */
final class ShardQueue {

    private static final Logger LOG = LogManager.getLogger(ShardQueue.class);

    /**
     * A video to process and the claim that keeps other shards off it.
     *
     * @param helped whether it is another shard's video
     */
    record Task(MediaPipeline.Video video, VideoClaims.Claim claim, boolean helped) {}

    private final VideoClaims claims;
    private final Iterator<MediaPipeline.Video> own;
    private final Queue<MediaPipeline.Video> takenByOthers = new ConcurrentLinkedQueue<>();
    private final Predicate<Shard> running;
    private final Function<Shard, List<MediaPipeline.Video>> candidatesOf;
    private final Runnable stopLeftovers;
    /** The other shards, from the one after this, in turn; each dropped once it has nothing left. */
    private final Deque<Shard> others = new ArrayDeque<>();

    private final Map<Shard, Deque<MediaPipeline.Video>> candidates = new HashMap<>();

    /**
     * @param shard        this shard
     * @param own          its videos with work to do, in the order to make them
     * @param running      whether a shard runs now (its lock is held elsewhere)
     * @param candidatesOf another shard's videos this shard may make ({@link HelpCandidates}), in that
     *     shard's order
     * @param stopLeftovers stops the ffmpeg processes that killed ova processes on this machine left
     *     running: run before this shard makes a video whose claimant ended unfinished, as that ffmpeg
     *     would go on writing into the video's staging
     */
    ShardQueue(
            Shard shard,
            List<MediaPipeline.Video> own,
            VideoClaims claims,
            Predicate<Shard> running,
            Function<Shard, List<MediaPipeline.Video>> candidatesOf,
            Runnable stopLeftovers) {
        this.claims = claims;
        this.stopLeftovers = stopLeftovers;
        this.own = List.copyOf(own).iterator();
        this.running = running;
        this.candidatesOf = candidatesOf;
        for (int step = 1; step < shard.count(); step++) {
            others.add(new Shard((shard.index() - 1 + step) % shard.count() + 1, shard.count()));
        }
    }

    /**
     * The next video to process, claimed; empty when nothing is left. Waits while another shard makes one
     * of this shard's videos.
     */
    Optional<Task> next() {
        Optional<Task> task = nextOwn();
        if (task.isEmpty()) {
            task = nextTakenByOthers();
        }
        return task.isPresent() ? task : nextHelped();
    }

    private Optional<Task> nextOwn() {
        while (true) {
            MediaPipeline.Video video;
            synchronized (own) {
                if (!own.hasNext()) {
                    return Optional.empty();
                }
                video = own.next();
            }
            Optional<VideoClaims.Claim> claim = claims.tryClaim(video.id(), true);
            if (claim.isPresent()) {
                return Optional.of(new Task(video, claim.get(), false));
            }
            takenByOthers.add(video);
        }
    }

    private Optional<Task> nextTakenByOthers() {
        MediaPipeline.Video video;
        while ((video = takenByOthers.poll()) != null) {
            Optional<VideoClaims.Claim> claim = claims.await(video.id());
            if (claim.isPresent()) {
                stopLeftovers.run();
                return Optional.of(new Task(video, claim.get(), false));
            }
            if (!Thread.currentThread().isInterrupted()) {
                LOG.info("'{}' was made by another shard.", video.path());
            }
        }
        return Optional.empty();
    }

    private Optional<Task> nextHelped() {
        while (true) {
            Optional<MediaPipeline.Video> candidate = nextCandidate();
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            MediaPipeline.Video video = candidate.get();
            Optional<VideoClaims.Claim> claim = claims.tryClaim(video.id(), false);
            if (claim.isPresent()) {
                return Optional.of(new Task(video, claim.get(), true));
            }
        }
    }

    /** The last unclaimed candidate of the next running shard in turn; empty when no running shard has one. */
    private synchronized Optional<MediaPipeline.Video> nextCandidate() {
        while (!others.isEmpty()) {
            Shard other = others.poll();
            if (!running.test(other)) {
                candidates.remove(other);
                continue;
            }
            Deque<MediaPipeline.Video> left =
                    candidates.computeIfAbsent(other, shard -> new ArrayDeque<>(candidatesOf.apply(shard)));
            MediaPipeline.Video last = left.pollLast();
            if (last == null) {
                candidates.remove(other);
                continue;
            }
            others.add(other);
            return Optional.of(last);
        }
        return Optional.empty();
    }
}
