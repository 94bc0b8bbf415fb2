package org.ova.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video is worked on by one process at a time; once made, by none until the claims are cleared; once
 * failed, only by its own shard.
 */
class VideoClaimsTest {

    @TempDir
    Path root;

    private VideoClaims claims() {
        return VideoClaims.of(new LibraryLayout(root));
    }

    @Test
    void aVideoClaimedByAnotherProcessIsTakenUntilThatProcessIsKilledAndThenFree() throws Exception {
        ClaimHolder holder = ClaimHolder.start(root, "v1");
        try {
            assertEquals(Optional.empty(), claims().tryClaim("v1", true));
            claims().tryClaim("v2", true).orElseThrow().close();
        } finally {
            holder.kill();
        }
        Optional<VideoClaims.Claim> taken = claims().tryClaim("v1", true);
        assertTrue(taken.isPresent(), "a killed claimant's video is free again");
        taken.get().close();
    }

    @Test
    void aMadeVideoIsNeitherClaimedNorWaitedForUntilTheClaimsAreCleared() throws Exception {
        claims().tryClaim("v1", true).orElseThrow().made();
        assertEquals(Optional.empty(), claims().tryClaim("v1", true));
        assertEquals(Optional.empty(), claims().await("v1"));

        VideoClaims.clear(new LibraryLayout(root));
        assertFalse(Files.exists(root.resolve(".ova-repo/machine/shard-claims")));
        Optional<VideoClaims.Claim> again = claims().tryClaim("v1", true);
        assertTrue(again.isPresent());
        again.get().close();
    }

    @Test
    void aFailedVideoIsLeftToItsOwnShardWhichTriesItAgain() throws Exception {
        ClaimHolder helper = ClaimHolder.start(root, "v1");
        helper.end("failed");
        assertEquals(Optional.empty(), claims().tryClaim("v1", false), "another shard leaves it alone");
        Optional<VideoClaims.Claim> own = claims().await("v1");
        assertTrue(own.isPresent(), "its own shard tries it again");
        own.get().close();
    }

    @Test
    void aClaimLetGoLeavesTheVideoFree() {
        claims().tryClaim("v1", true).orElseThrow().close();
        Optional<VideoClaims.Claim> again = claims().tryClaim("v1", true);
        assertTrue(again.isPresent());
        again.get().close();
    }

    @Test
    void awaitWaitsForTheClaimantAndTellsWhetherItMadeTheVideo() throws Exception {
        ClaimHolder finishing = ClaimHolder.start(root, "v1");
        CompletableFuture<Optional<VideoClaims.Claim>> waiting =
                CompletableFuture.supplyAsync(() -> claims().await("v1"));
        Thread.sleep(300);
        assertFalse(waiting.isDone(), "await returned while the video was claimed elsewhere");
        finishing.end("made");
        assertEquals(Optional.empty(), waiting.get(10, TimeUnit.SECONDS), "made elsewhere");

        ClaimHolder leaving = ClaimHolder.start(root, "v2");
        waiting = CompletableFuture.supplyAsync(() -> claims().await("v2"));
        leaving.end("go");
        Optional<VideoClaims.Claim> left = waiting.get(10, TimeUnit.SECONDS);
        assertTrue(left.isPresent(), "let go: this process has it now");
        left.get().close();
    }
}
