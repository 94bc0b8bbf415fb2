package org.ova.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One ova at a time per library: two builds writing the same metadata, media and site would undo each
 * other's work. The lock is an operating-system lock on {@code .ova-repo/machine/lock}, which the system
 * releases when the process ends however it ends (even {@code kill -9}), so a lock left by a killed ova
 * is simply taken over. The shards of {@code ova build --shard} hold it shared ({@link ShardLock}), so
 * they run beside each other but never beside a build, a publish or a server.
 */
public final class LibraryLock implements LibraryHold {

    private final LockFile file;
    private final FileLock lock;
    private final String previousHolder;
    private final List<String> killedShards;
    private final boolean firstLock;

    private LibraryLock(
            LockFile file, FileLock lock, String previousHolder, List<String> killedShards, boolean firstLock) {
        this.file = file;
        this.lock = lock;
        this.previousHolder = previousHolder;
        this.killedShards = killedShards;
        this.firstLock = firstLock;
    }

    /** The lock file of {@code layout}'s library. */
    public static Path file(LibraryLayout layout) {
        return layout.machineDir().resolve("lock");
    }

    /** The lock file of one shard of {@code layout}'s library. */
    static Path shardFile(LibraryLayout layout, Shard shard) {
        return layout.machineDir().resolve("lock-" + shard.fileName());
    }

    /**
     * Takes the library's lock for {@code command}.
     *
     * @param waiting when another ova holds it: null to fail at once, else told who holds it and then waited for
     * @throws Busy when another ova holds the lock and {@code waiting} is null
     */
    public static LibraryLock acquire(LibraryLayout layout, String command, Consumer<String> waiting) {
        Path path = file(layout);
        LockFile file = null;
        try {
            boolean firstLock = !Files.exists(path);
            file = LockFile.open(path, holderLine(command));
            FileLock lock = file.tryLock(LockFile.HOLDER_BYTE, false);
            if (lock == null) {
                String holder = describeHolders(layout, file.holder());
                if (waiting == null) {
                    throw busy(layout, holder);
                }
                waiting.accept("Waiting for " + holder + " to finish with " + layout.root() + "...");
                lock = file.lock(LockFile.HOLDER_BYTE, false);
            }
            // still there once the lock is ours: its holder ended without releasing it
            String stale = file.holder();
            file.hold(holderLine(command));
            LibraryLock taken = new LibraryLock(file, lock, stale, takeOverShards(layout), firstLock);
            file = null;
            return taken;
        } catch (LockFile.HeldHere e) {
            throw busy(layout, who(e.holder()));
        } catch (IOException e) {
            throw cannotLock(path, e);
        } finally {
            if (file != null) {
                file.closeQuietly();
            }
        }
    }

    /** Who takes a lock: pid, start, command, and the machine, as shards run on several. */
    static String holderLine(String command) {
        return "pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + ", ova " + command + ", on "
                + HostName.OF_THIS_MACHINE;
    }

    static UncheckedIOException cannotLock(Path file, IOException e) {
        return new UncheckedIOException(
                "could not lock " + file + ": " + e.getMessage()
                        + " (check that the library folder is writable, and on a network share that it"
                        + " supports file locks)",
                e);
    }

    /** Who holds the library: the holder line's ova, or the shards running when they hold it together. */
    private static String describeHolders(LibraryLayout layout, String holder) {
        if (!holder.isBlank()) {
            return who(holder);
        }
        List<String> shards = shardLockFiles(layout).stream()
                .filter(LockFile::heldElsewhere)
                .map(LockFile::holderOf)
                .filter(line -> !line.isBlank())
                .toList();
        return shards.isEmpty() ? who("") : "ova shards (" + String.join("; ", shards) + ")";
    }

    /**
     * With the library ours, no shard can run: the holder lines left in shard lock files are those of
     * killed shards. They are returned for the log, and the files deleted.
     */
    private static List<String> takeOverShards(LibraryLayout layout) throws IOException {
        List<String> killed = new ArrayList<>();
        for (Path shardFile : shardLockFiles(layout)) {
            String holder = LockFile.holderOf(shardFile);
            if (!holder.isBlank()) {
                killed.add(holder);
            }
            Files.deleteIfExists(shardFile);
        }
        return killed;
    }

    /** The lock files of the library's shards, those running and those that ran. */
    static List<Path> shardLockFiles(LibraryLayout layout) {
        try (Stream<Path> files = Files.list(layout.machineDir())) {
            return files.filter(file -> file.getFileName().toString().startsWith("lock-shard-"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static Busy busy(LibraryLayout layout, String holder) {
        return new Busy(
                layout.root() + " is in use by " + holder + "; wait for it to finish, or run again with --wait");
    }

    static String who(String holder) {
        return "another ova (" + (holder.isBlank() ? "unknown process" : holder) + ")";
    }

    /** Who held the library, or shards of it, and ended without releasing the lock (killed); empty when none. */
    @Override
    public String previousHolder() {
        List<String> killed = new ArrayList<>();
        if (!previousHolder.isBlank()) {
            killed.add(previousHolder);
        }
        killed.addAll(killedShards);
        return String.join("; ", killed);
    }

    /**
     * Whether the last ova on this library may have been killed in the middle of a write: it (or a shard)
     * left its lock behind, or no ova locked this library before (one from before locks, or a first run).
     */
    @Override
    public boolean mayHaveLeftovers() {
        return firstLock || !previousHolder().isEmpty();
    }

    /** Releases the lock and leaves the file empty, so the next ova sees no earlier holder. */
    @Override
    public void close() {
        try {
            file.clearHolder();
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release the library lock: " + e.getMessage(), e);
        } finally {
            file.close();
        }
    }

    /** Another ova holds the library's lock. */
    public static final class Busy extends RuntimeException {
        public Busy(String message) {
            super(message);
        }
    }
}
