package org.ova.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * The locks this process holds, with their holder lines. A second taker in the same process must be
     * turned away without opening the file at all: on POSIX systems closing any descriptor of a file
     * drops every lock the process holds on it, so even a look at the holder line would free the lock.
     * The one static mutable state in ova, as it mirrors one the operating system keeps per process.
     */
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();
    /**
     * The lock covers one byte far past the holder line: Windows locks are mandatory, and a lock over the
     * line would keep the second ova from reading who holds the library.
     */
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String previousHolder;
    private final boolean firstLock;

    private LibraryLock(Path file, FileChannel channel, FileLock lock, String previousHolder, boolean firstLock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.previousHolder = previousHolder;
        this.firstLock = firstLock;
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
        String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + ", ova " + command;
        String heldHere = HELD_HERE.putIfAbsent(file, me);
        if (heldHere != null) {
            throw busy(layout, heldHere);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            boolean firstLock = !Files.exists(file);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock(LOCKED_BYTE, 1, false);
            if (lock == null) {
                String holder = read(channel);
                if (waiting == null) {
                    throw busy(layout, holder);
                }
                waiting.accept("Waiting for " + who(holder) + " to finish with " + layout.root() + "...");
                lock = channel.lock(LOCKED_BYTE, 1, false);
            }
            // still there once the lock is ours: its holder ended without releasing it
            String stale = read(channel);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            LibraryLock taken = new LibraryLock(file, channel, lock, stale, firstLock);
            channel = null;
            return taken;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not lock " + file + ": " + e.getMessage() + " (check that the library folder is writable)",
                    e);
        } finally {
            if (channel != null) {
                closeQuietly(channel);
                HELD_HERE.remove(file);
            }
        }
    }

    private static Busy busy(LibraryLayout layout, String holder) {
        return new Busy(layout.root() + " is in use by " + who(holder) + "; wait for it to finish, or run again"
                + " with --wait");
    }

    private static String who(String holder) {
        return "another ova (" + (holder.isBlank() ? "unknown process" : holder) + ")";
    }

    /**
     * Who held the lock before and ended without releasing it (killed); empty when the lock was
     * free and released cleanly.
     */
    public String previousHolder() {
        return previousHolder;
    }

    /**
     * Whether the last ova on this library may have been killed in the middle of a write: it left its
     * lock behind, or no ova locked this library before (one from before locks, or a first run).
     */
    public boolean mayHaveLeftovers() {
        return firstLock || !previousHolder.isEmpty();
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
        } finally {
            HELD_HERE.remove(file);
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
