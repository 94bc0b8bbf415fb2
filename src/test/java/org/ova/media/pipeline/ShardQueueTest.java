package org.ova.media.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.ClaimHolder;
import org.ova.repo.LibraryLayout;
import org.ova.repo.Shard;
import org.ova.repo.VideoClaims;

/** A shard makes its own videos first, waits for those another shard took, then helps running shards. */
class ShardQueueTest {

    @TempDir
    Path root;

    private final AtomicInteger stoppedLeftovers = new AtomicInteger();

    private VideoClaims claims() {
        return VideoClaims.of(new LibraryLayout(root));
    }

    private MediaPipeline.Video video(String id) {
        return new MediaPipeline.Video(id, id + ".mp4", root.resolve(id + ".mp4"));
    }

    private ShardQueue queue(Shard shard, List<String> own, Set<Integer> running, Map<Integer, List<String>> theirs) {
        return new ShardQueue(
                shard,
                own.stream().map(this::video).toList(),
                claims(),
                other -> running.contains(other.index()),
                other -> theirs.getOrDefault(other.index(), List.of()).stream()
                        .map(this::video)
                        .toList(),
                stoppedLeftovers::incrementAndGet);
    }

    /** The ids the queue gives until it gives none, each made as a worker would. */
    private static List<String> drain(ShardQueue queue) {
        List<String> given = new ArrayList<>();
        for (Optional<ShardQueue.Task> task = queue.next(); task.isPresent(); task = queue.next()) {
            given.add(task.get().video().id() + (task.get().helped() ? " (helped)" : ""));
            task.get().claim().made();
        }
        return given;
    }

    @Test
    void ownVideosComeFirstInOrderThenTheRunningShardsVideosFromTheEndOfTheirListsInTurn() {
        ShardQueue queue = queue(
                new Shard(1, 3),
                List.of("a", "b"),
                Set.of(2, 3),
                Map.of(2, List.of("c1", "c2", "c3"), 3, List.of("d1", "d2")));

        assertEquals(
                List.of("a", "b", "c3 (helped)", "d2 (helped)", "c2 (helped)", "d1 (helped)", "c1 (helped)"),
                drain(queue));
    }

    @Test
    void aShardThatDoesNotRunIsNeverHelped() {
        ShardQueue queue =
                queue(new Shard(2, 3), List.of(), Set.of(1), Map.of(1, List.of("a1", "a2"), 3, List.of("c1")));

        assertEquals(List.of("a2 (helped)", "a1 (helped)"), drain(queue));
    }

    @Test
    void aVideoMadeByAnotherShardIsSkippedAndOneItIsMakingComesLastOnceItFailsIt() throws Exception {
        claims().tryClaim("b", true).orElseThrow().made();
        ClaimHolder other = ClaimHolder.start(root, "a");
        try {
            ShardQueue queue = queue(new Shard(1, 2), List.of("a", "b", "c"), Set.of(2), Map.of(2, List.of("x")));
            assertEquals("c", queue.next().orElseThrow().video().id());
            CompletableFuture<Optional<ShardQueue.Task>> waiting = CompletableFuture.supplyAsync(queue::next);
            Thread.sleep(300);
            assertFalse(waiting.isDone(), "the queue gave more while another shard was making 'a'");

            other.end("failed");
            ShardQueue.Task resumed = waiting.get(10, TimeUnit.SECONDS).orElseThrow();
            assertEquals("a", resumed.video().id(), "failed elsewhere: its own shard tries it again");
            assertEquals(1, stoppedLeftovers.get(), "after stopping what a killed claimant left running");
            resumed.claim().made();
            assertEquals(List.of("x (helped)"), drain(queue));
        } finally {
            other.kill();
        }
    }

    @Test
    void aVideoOfAnotherShardThatIsClaimedMadeOrFailedIsNotTaken() throws Exception {
        claims().tryClaim("x2", true).orElseThrow().made();
        claims().tryClaim("x4", true).orElseThrow().failed();
        ClaimHolder owner = ClaimHolder.start(root, "x3");
        try {
            ShardQueue queue = queue(new Shard(1, 2), List.of(), Set.of(2), Map.of(2, List.of("x1", "x2", "x3", "x4")));
            assertEquals(List.of("x1 (helped)"), drain(queue));
        } finally {
            owner.kill();
        }
    }
}
