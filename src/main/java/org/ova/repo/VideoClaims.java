package org.ova.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which shard works on which video, so that a shard done with its own videos can take over videos of a
 * shard still at work without both making them: one small file per video in
 * {@code .ova-repo/machine/shard-claims/} (a {@link LockFile}), whose lock the process working on the
 * video holds and whose line says {@code made} or {@code failed} once that video's state is recorded.
 * Operating-system locks, so a claim ends with its process however it ends ({@code kill -9}), and a
 * video whose claimant was killed is free again. The claims live until the shards' states are folded
 * into the library's ({@link #clear}).
 */
public final class VideoClaims {

    private static final String MADE = "made";
    private static final String FAILED = "failed";

    private final Path dir;

    private VideoClaims(Path dir) {
        this.dir = dir;
    }

    /** The claims of {@code layout}'s library. */
    public static VideoClaims of(LibraryLayout layout) {
        return new VideoClaims(dir(layout));
    }

    private static Path dir(LibraryLayout layout) {
        return layout.machineDir().resolve("shard-claims");
    }

    /**
     * Claims video {@code id} when no other process works on it and no shard made it.
     *
     * @param ownVideo whether the caller is the video's own shard, which makes a video that failed again
     *     (as a build retries failed videos); another shard leaves it alone
     * @return the claim, to be ended with {@link Claim#made}, {@link Claim#failed} or {@link Claim#close};
     *     empty when the video is taken, made, or failed and not the caller's own
     * @throws UncheckedIOException when the claim file cannot be created or locked
     */
    public Optional<Claim> tryClaim(String id, boolean ownVideo) {
        return claim(id, ownVideo, false);
    }

    /**
     * Claims video {@code id} for its own shard, waiting first for the process that works on it to end
     * its claim.
     *
     * @return the claim; empty when a shard made the video, or when the thread was interrupted while
     *     waiting (the work is being cancelled)
     */
    public Optional<Claim> await(String id) {
        return claim(id, true, true);
    }

    private Optional<Claim> claim(String id, boolean ownVideo, boolean wait) {
        Path path = dir.resolve(id);
        LockFile file = null;
        try {
            file = LockFile.open(path, "");
            FileLock lock = wait ? file.lock(LockFile.HOLDER_BYTE, false) : file.tryLock(LockFile.HOLDER_BYTE, false);
            if (lock == null) {
                return Optional.empty();
            }
            String ended = file.holder();
            if (ended.equals(MADE) || (ended.equals(FAILED) && !ownVideo)) {
                return Optional.empty();
            }
            file.clearHolder();
            Claim claim = new Claim(path, file);
            file = null;
            return Optional.of(claim);
        } catch (ClosedByInterruptException | FileLockInterruptionException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not claim video " + id + " in " + path + ": " + e.getMessage(), e);
        } finally {
            if (file != null) {
                file.closeQuietly();
            }
        }
    }

    /**
     * Deletes every claim: for the holder of the whole library, once the shards' states are folded into
     * the library's (a claim's "made" means "in some shard's state").
     */
    public static void clear(LibraryLayout layout) {
        Path dir = dir(layout);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not delete the shards' claims in " + dir + ": " + e.getMessage() + "; delete the folder", e);
        }
    }

    /** One video this process works on; closing it lets other processes have it again. */
    public static final class Claim implements AutoCloseable {

        private final Path path;
        private final LockFile file;

        private Claim(Path path, LockFile file) {
            this.path = path;
            this.file = file;
        }

        /** Says the video is made (its state recorded) and lets it go: no shard makes it again. */
        public void made() {
            end(MADE);
        }

        /**
         * Says making the video failed (the failure recorded) and lets it go: other shards leave it alone,
         * its own shard tries it again.
         */
        public void failed() {
            end(FAILED);
        }

        private void end(String how) {
            try {
                file.hold(how);
            } catch (IOException e) {
                throw new UncheckedIOException("could not end the claim " + path + ": " + e.getMessage(), e);
            } finally {
                close();
            }
        }

        /** Lets the video go; a second close does nothing. */
        @Override
        public void close() {
            file.closeQuietly();
        }
    }
}
