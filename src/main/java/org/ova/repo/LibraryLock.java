package org.ova.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One ova at a time per library: two builds writing the same metadata, media and site would undo each
 * other's work. The lock is an operating-system lock on {@code .ova-repo/machine/lock}, which the system
 * releases when the process ends however it ends (even {@code kill -9}), so a lock left by a killed ova
 * is simply taken over. The file also says who holds it (PID, start time, command) for the message
 * the second ova prints. It is rewritten in place, not atomically: replacing the file would leave the
 * lock on the old one.
 */
public final class LibraryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;
    private final String previousHolder;

    private LibraryLock(FileChannel channel, FileLock lock, String previousHolder) {
        this.channel = channel;
        this.lock = lock;
        this.previousHolder = previousHolder;
    }

    /** The lock file of {@code layout}'s library. */
    public static Path file(LibraryLayout layout) {
        return layout.machineDir().resolve("lock");
    }

    /**
     * Takes the library's lock for {@code command}.
     *
     * @param waiting when another ova holds it: null to fail at once, else told who holds it and then waited for
     * @throws Busy when another ova holds the lock and {@code waiting} is null
     */
    public static LibraryLock acquire(LibraryLayout layout, String command, Consumer<String> waiting) {
        Path file = file(layout);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            String holder = read(channel);
            if (lock == null) {
                String who = "another ova (" + (holder.isBlank() ? "unknown process" : holder) + ")";
                if (waiting == null) {
                    throw new Busy(layout.root() + " is in use by " + who + "; wait for it to finish, or run"
                            + " again with --wait");
                }
                waiting.accept("Waiting for " + who + " to finish with " + layout.root() + "...");
                lock = channel.lock();
            }
            // still there once the lock is ours: its holder ended without releasing it
            String stale = read(channel);
            String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + ", ova " + command;
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            LibraryLock taken = new LibraryLock(channel, lock, stale);
            channel = null;
            return taken;
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + file + ": " + e.getMessage()
                    + " (check that the library folder is writable)", e);
        } finally {
            closeQuietly(channel);
        }
    }

    /**
     * Who held the lock before and ended without releasing it (killed); empty when the lock was
     * free and released cleanly.
     */
    public String previousHolder() {
        return previousHolder;
    }

    /** Releases the lock and leaves the file empty, so the next ova sees no earlier holder. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release the library lock: " + e.getMessage(), e);
        }
    }

    /** null when another process holds it; within this process (tests, a server) a second taker is refused too. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // already failing: the first error is the one reported
            }
        }
    }

    /** Another ova holds the library's lock. */
    public static final class Busy extends RuntimeException {
        public Busy(String message) {
            super(message);
        }
    }
}
