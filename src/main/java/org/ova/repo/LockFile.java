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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One of ova's lock files, open: operating-system locks on single bytes far past a holder line that
 * says who holds it (PID, start time, command) for the message another ova prints. The system releases
 * the locks when the process ends however it ends (even {@code kill -9}), and a holder line still there
 * once the lock is taken tells that its holder was killed. The line is rewritten in place, not
 * atomically: replacing the file would leave the locks on the old one.
 */
final class LockFile implements AutoCloseable {

    /**
     * The byte whose lock is the holder's. Far past the holder line: Windows locks are mandatory, and a
     * lock over the line would keep the next ova from reading who holds it.
     */
    static final long HOLDER_BYTE = Long.MAX_VALUE - 1;

    /**
     * The lock files this process has open, with their holder lines. A second opener in the same process
     * must be turned away without opening the file at all: on POSIX systems closing any descriptor of a
     * file drops every lock the process holds on it, so even a look at the holder line would free them.
     * The one static mutable state in ova, as it mirrors one the operating system keeps per process.
     */
    private static final Map<Path, String> OPEN_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;

    private LockFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens {@code file}, creating it and its folder when missing.
     *
     * @param me the holder line this process will write
     * @throws HeldHere when this process has the file open already
     */
    static LockFile open(Path file, String me) throws IOException {
        String heldHere = OPEN_HERE.putIfAbsent(file, me);
        if (heldHere != null) {
            throw new HeldHere(heldHere);
        }
        try {
            Files.createDirectories(file.getParent());
            return new LockFile(
                    file,
                    FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException | RuntimeException e) {
            OPEN_HERE.remove(file);
            throw e;
        }
    }

    /** This process has the file open already, for the use its holder line says. */
    static final class HeldHere extends RuntimeException {
        private final String holder;

        HeldHere(String holder) {
            super(holder, null, false, false);
            this.holder = holder;
        }

        String holder() {
            return holder;
        }
    }

    /** The lock on byte {@code position}, or null when another process holds a conflicting one. */
    FileLock tryLock(long position, boolean shared) throws IOException {
        return channel.tryLock(position, 1, shared);
    }

    /** The lock on byte {@code position}, waiting for other processes to release theirs. */
    FileLock lock(long position, boolean shared) throws IOException {
        return channel.lock(position, 1, shared);
    }

    /** The holder line written by whoever held the lock last; empty once released cleanly. */
    String holder() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    /** Writes {@code line} as the holder line, replacing the one there. */
    void hold(String line) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    /** Empties the holder line, so the next ova sees no earlier holder. */
    void clearHolder() throws IOException {
        channel.truncate(0);
    }

    /** Closes the file, which also releases its locks. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the lock file " + file + ": " + e.getMessage(), e);
        } finally {
            OPEN_HERE.remove(file);
        }
    }

    /** Closes without reporting: used when already failing, where the first error is the one reported. */
    void closeQuietly() {
        try {
            close();
        } catch (UncheckedIOException e) {
            // already failing
        }
    }

    /** Whether another process holds {@code file}'s holder lock now, without disturbing locks of this process. */
    static boolean heldElsewhere(Path file) {
        if (OPEN_HERE.containsKey(file) || !Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock(HOLDER_BYTE, 1, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The holder line of a lock file this process does not have open; empty when missing or unreadable. */
    static String holderOf(Path file) {
        if (OPEN_HERE.containsKey(file)) {
            return OPEN_HERE.get(file);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
