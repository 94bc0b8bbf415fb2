package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.repo.HostName;
import org.ova.repo.LockHolder;

/** One ova per library: a second process is turned away, and what a killed one left is cleaned up. */
class LibraryLockTest {

    @TempDir
    Path library;

    @Test
    void aSecondOvaExitsTwoNamingTheHolderAndAfterItIsKilledTheNextBuildTakesOverAndCleansUp() throws Exception {
        TestClips.withLocatedFfmpeg().clip(library.resolve("a.mp4"), TestClips.Spec.of(0.5, 64, 36));
        assertEquals(ExitCode.OK, CliRun.of("build", "-q", library.toString()).exitCode());
        Path metadata = library.resolve(".ova-repo/metadata/a.mp4.yaml");
        String before = Files.readString(metadata);

        Process holder = LockHolder.start(library);
        try {
            CliRun refused = CliRun.of("build", library.toString());
            assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, refused.exitCode(), refused.out());
            assertTrue(
                    refused.err()
                            .startsWith("ova: " + library + " is in use by another ova (pid " + holder.pid()
                                    + ", started "),
                    refused.err());
            assertTrue(
                    refused.err()
                            .contains(", ova build " + library + ", on " + HostName.OF_THIS_MACHINE
                                    + "); wait for it to finish, or run again with --wait"),
                    refused.err());
            CliRun publish = CliRun.of(
                    "publish",
                    library.toString(),
                    "--to",
                    library.resolve(".out").toString());
            assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, publish.exitCode());
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        assertFalse(holder.isAlive());

        // what a kill -9 in the middle of atomic writes leaves: old and new temporary file names
        Path metadataTemp = library.resolve(".ova-repo/metadata/.a.mp4.yaml.4242424242.tmp");
        Path machineTemp = library.resolve(".ova-repo/machine/.catalog.json.ova-x1Y2z3.tmp");
        Files.writeString(metadataTemp, "title: half");
        Files.writeString(machineTemp, "{");
        CliRun next = CliRun.of("build", library.toString());
        assertEquals(ExitCode.OK, next.exitCode(), next.out() + next.err());
        assertTrue(
                next.out()
                        .contains("[INFO] Took over the library lock of an ova that ended without releasing it"
                                + " (pid " + holder.pid()),
                next.out());
        assertTrue(
                next.out()
                        .contains("[INFO] Removed '.ova-repo/metadata/.a.mp4.yaml.4242424242.tmp', left by an"
                                + " interrupted write."),
                next.out());
        assertFalse(Files.exists(metadataTemp));
        assertFalse(Files.exists(machineTemp));
        assertEquals(before, Files.readString(metadata), "nothing is lost");
        assertEquals(
                List.of(),
                Files.readAllLines(library.resolve(".ova-repo/machine/lock")),
                "a finished build leaves the lock free");
    }

    @Test
    void withWaitASecondOvaWaitsForTheHolderAndThenBuilds() throws Exception {
        Files.createDirectories(library.resolve("empty"));
        Process holder = LockHolder.start(library);
        CompletableFuture<CliRun> waiting =
                CompletableFuture.supplyAsync(() -> CliRun.of("build", "--wait", library.toString()));
        try {
            Thread.sleep(1500);
            assertFalse(waiting.isDone(), "the build went ahead while the lock was held");
        } finally {
            holder.destroyForcibly();
        }
        CliRun run = waiting.get(60, TimeUnit.SECONDS);
        assertEquals(ExitCode.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("Waiting for another ova (pid " + holder.pid()), run.err());
    }
}
