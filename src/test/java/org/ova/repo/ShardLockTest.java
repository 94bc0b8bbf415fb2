package org.ova.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards share the library with each other, never with a build, and never run twice or with two counts. */
class ShardLockTest {

    @TempDir
    Path root;

    private LibraryLayout layout() {
        return new LibraryLayout(root);
    }

    @Test
    void shardsOfOneCountRunTogetherWhileABuildIsTurnedAwayNamingThem() throws Exception {
        Process first = LockHolder.start(root, "1/3");
        Process second = LockHolder.start(root, "2/3");
        try {
            LibraryLock.Busy busy =
                    assertThrows(LibraryLock.Busy.class, () -> LibraryLock.acquire(layout(), "build", null));
            assertTrue(
                    busy.getMessage().startsWith(root + " is in use by ova shards (pid " + first.pid() + ", "),
                    busy.getMessage());
            assertTrue(
                    busy.getMessage()
                            .contains("ova build --shard 1/3 " + root + ", on " + HostName.OF_THIS_MACHINE + "; pid "
                                    + second.pid()),
                    busy.getMessage());
            assertTrue(busy.getMessage().contains("ova build --shard 2/3 " + root + ", on "), busy.getMessage());
        } finally {
            first.destroyForcibly().waitFor();
            second.destroyForcibly().waitFor();
        }
    }

    @Test
    void aShardThatRunsAlreadyOrOneOfAnotherCountIsTurnedAway() throws Exception {
        Process first = LockHolder.start(root, "1/3");
        try {
            LibraryLock.Busy twice = assertThrows(
                    LibraryLock.Busy.class,
                    () -> ShardLock.acquire(layout(), new Shard(1, 3), "build --shard 1/3", null));
            assertTrue(twice.getMessage().contains("in use by shard 1/3 (pid " + first.pid()), twice.getMessage());
            LibraryLock.Busy otherCount = assertThrows(
                    LibraryLock.Busy.class,
                    () -> ShardLock.acquire(layout(), new Shard(2, 4), "build --shard 2/4", null));
            assertTrue(
                    otherCount.getMessage().startsWith("shard 2/4 cannot run beside the shards of another count"),
                    otherCount.getMessage());
            assertEquals(
                    "",
                    Files.readString(LibraryLock.shardFile(layout(), new Shard(2, 4))),
                    "the refused shard leaves no holder line behind");
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    @Test
    void noShardRunsBesideABuild() throws Exception {
        Process build = LockHolder.start(root);
        try {
            LibraryLock.Busy busy = assertThrows(
                    LibraryLock.Busy.class,
                    () -> ShardLock.acquire(layout(), new Shard(1, 2), "build --shard 1/2", null));
            assertTrue(busy.getMessage().contains("in use by another ova (pid " + build.pid()), busy.getMessage());
        } finally {
            build.destroyForcibly().waitFor();
        }
    }

    @Test
    void aKilledShardIsTakenOverByItsNextRunAndTheNextBuildCleansUpAfterIt() throws Exception {
        LockHolder.start(root, "2/2").destroyForcibly().waitFor();
        try (ShardLock again = ShardLock.acquire(layout(), new Shard(2, 2), "build --shard 2/2", null)) {
            assertTrue(again.previousHolder().contains("ova build --shard 2/2 " + root), again.previousHolder());
            assertFalse(again.mayHaveLeftovers(), "other shards may be writing: the next build cleans up");
        }

        LockHolder.start(root, "1/2").destroyForcibly().waitFor();
        try (LibraryLock build = LibraryLock.acquire(layout(), "build", null)) {
            assertTrue(build.previousHolder().contains("ova build --shard 1/2 " + root), build.previousHolder());
            assertTrue(build.mayHaveLeftovers());
        }
        assertFalse(Files.exists(LibraryLock.shardFile(layout(), new Shard(1, 2))));
        try (LibraryLock next = LibraryLock.acquire(layout(), "build", null)) {
            assertEquals("", next.previousHolder());
        }
    }
}
