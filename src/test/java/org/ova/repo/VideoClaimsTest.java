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

/** A video is worked on by one process at a time, and once finished by none until the claims are cleared. */
class VideoClaimsTest {

    @TempDir
    Path root;

    private VideoClaims claims() {
        return VideoClaims.of(new LibraryLayout(root));
    }

    @Test
    void aVideoClaimedByAnotherProcessIsTakenUntilThatProcessIsKilledAndThenFreeUnfinished() throws Exception {
        ClaimHolder holder = ClaimHolder.start(root, "v1");
        try {
            assertEquals(Optional.empty(), claims().tryClaim("v1"));
            claims().tryClaim("v2").orElseThrow().close();
        } finally {
            holder.kill();
        }
        Optional<VideoClaims.Claim> taken = claims().tryClaim("v1");
        assertTrue(taken.isPresent(), "a killed claimant's video is free again");
        taken.get().close();
    }

    @Test
    void aFinishedVideoIsNeitherClaimedNorWaitedForUntilTheClaimsAreCleared() throws Exception {
        claims().tryClaim("v1").orElseThrow().finished();
        assertEquals(Optional.empty(), claims().tryClaim("v1"));
        assertEquals(Optional.empty(), claims().await("v1"));

        VideoClaims.clear(new LibraryLayout(root));
        assertFalse(Files.exists(root.resolve(".ova-repo/machine/shard-claims")));
        Optional<VideoClaims.Claim> again = claims().tryClaim("v1");
        assertTrue(again.isPresent());
        again.get().close();
    }

    @Test
    void aClaimLetGoUnfinishedLeavesTheVideoFree() {
        claims().tryClaim("v1").orElseThrow().close();
        Optional<VideoClaims.Claim> again = claims().tryClaim("v1");
        assertTrue(again.isPresent());
        again.get().close();
    }

    @Test
    void awaitWaitsForTheClaimantAndTellsWhetherItFinished() throws Exception {
        ClaimHolder finishing = ClaimHolder.start(root, "v1");
        CompletableFuture<Optional<VideoClaims.Claim>> waiting =
                CompletableFuture.supplyAsync(() -> claims().await("v1"));
        Thread.sleep(300);
        assertFalse(waiting.isDone(), "await returned while the video was claimed elsewhere");
        finishing.end(true);
        assertEquals(Optional.empty(), waiting.get(10, TimeUnit.SECONDS), "finished elsewhere");

        ClaimHolder leaving = ClaimHolder.start(root, "v2");
        waiting = CompletableFuture.supplyAsync(() -> claims().await("v2"));
        leaving.end(false);
        Optional<VideoClaims.Claim> left = waiting.get(10, TimeUnit.SECONDS);
        assertTrue(left.isPresent(), "let go unfinished: this process has it now");
        left.get().close();
    }
}
