package org.ova.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which shard works on which video, so that a shard done with its own videos can take over videos of a
 * shard still at work without both making them: one small file per video in
 * {@code .ova-repo/machine/shard-claims/}, whose lock the process working on the video holds and which
 * says {@code made} or {@code failed} once that video's state is recorded. Operating-system locks, so
 * a claim ends with its process however it ends ({@code kill -9}), and a video whose claimant was
 * killed is free again. The claims live until the shards' states are folded into the library's
 * ({@link #clear}).
 */
public final class VideoClaims {

    /** The byte whose lock is the claim: past the content, as in {@link LockFile}. */
    private static final long CLAIM_BYTE = LockFile.HOLDER_BYTE;

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
        Path file = dir.resolve(id);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = wait ? channel.lock(CLAIM_BYTE, 1, false) : channel.tryLock(CLAIM_BYTE, 1, false);
            if (lock == null) {
                return Optional.empty();
            }
            String ended = ended(channel);
            if (ended.equals(MADE) || (ended.equals(FAILED) && !ownVideo)) {
                return Optional.empty();
            }
            channel.truncate(0);
            Claim claim = new Claim(file, channel);
            channel = null;
            return Optional.of(claim);
        } catch (ClosedByInterruptException | FileLockInterruptionException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not claim video " + id + " in " + file + ": " + e.getMessage(), e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing releases the lock however it ends
                }
            }
        }
    }

    /** How the last claim of the file ended: {@link #MADE}, {@link #FAILED}, or empty (let go, or never). */
    private static String ended(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(16);
        channel.read(content, 0);
        return new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
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

        private final Path file;
        private final FileChannel channel;

        private Claim(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
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
                channel.write(ByteBuffer.wrap((how + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write to " + file + ": " + e.getMessage(), e);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the lock however it ends
            }
        }
    }
}
