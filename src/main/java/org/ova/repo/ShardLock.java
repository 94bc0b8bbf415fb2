package org.ova.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one shard of {@code ova build --shard I/N} holds: the library's lock shared with the other
 * shards (so no build, publish or server runs beside them), its own shard's lock (so a shard never runs
 * twice), and while it scans the library, the scan lock (so shards write the catalogue, and move the
 * metadata of moved videos, one after the other). Shards of different counts would process the
 * same videos at once, so a shard refuses to run beside one of another count.
 */
public final class ShardLock implements LibraryHold {

    /** The byte of the library's lock file whose lock the scanning shard holds. */
    private static final long SCAN_BYTE = LockFile.HOLDER_BYTE - 1;

    private final LockFile library;
    private final FileLock shared;
    private final LockFile shardFile;
    private final FileLock shardLock;
    private final String previousHolder;
    private FileLock scanning;

    private ShardLock(
            LockFile library,
            FileLock shared,
            LockFile shardFile,
            FileLock shardLock,
            String previousHolder,
            FileLock scanning) {
        this.library = library;
        this.shared = shared;
        this.shardFile = shardFile;
        this.shardLock = shardLock;
        this.previousHolder = previousHolder;
        this.scanning = scanning;
    }

    /**
     * Takes shard {@code shard} of {@code layout}'s library for {@code command}, with the scan lock.
     *
     * @param waiting when the library or the shard is taken: null to fail at once, else told who has it and
     *     then waited for
     * @throws LibraryLock.Busy when another ova holds the library, the shard runs already, or a shard of
     *     another count runs
     */
    public static ShardLock acquire(LibraryLayout layout, Shard shard, String command, Consumer<String> waiting) {
        String me = LibraryLock.holderLine(command);
        Path libraryPath = LibraryLock.file(layout);
        Path shardPath = LibraryLock.shardFile(layout, shard);
        LockFile library = null;
        LockFile shardFile = null;
        try {
            library = LockFile.open(libraryPath, me);
            FileLock shared = library.tryLock(LockFile.HOLDER_BYTE, true);
            if (shared == null) {
                shared = wait(layout, library, true, LibraryLock.who(library.holder()), waiting);
            }
            shardFile = LockFile.open(shardPath, me);
            FileLock shardLock = shardFile.tryLock(LockFile.HOLDER_BYTE, false);
            if (shardLock == null) {
                shardLock = wait(layout, shardFile, false, "shard " + shard + " (" + shardFile.holder() + ")", waiting);
            }
            String stale = shardFile.holder();
            shardFile.hold(me);
            FileLock scanning = library.lock(SCAN_BYTE, false);
            Optional<String> otherCount = LibraryLock.shardLockFiles(layout).stream()
                    .filter(file -> Shard.fromFileName(file.getFileName().toString())
                            .filter(running -> running.count() != shard.count())
                            .isPresent())
                    .filter(LockFile::heldElsewhere)
                    .map(LockFile::holderOf)
                    .findFirst();
            if (otherCount.isPresent()) {
                shardFile.clearHolder();
                throw new LibraryLock.Busy("shard " + shard + " cannot run beside the shards of another count ("
                        + otherCount.get() + "): they would process the same videos; run every shard of one"
                        + " build with the same N");
            }
            ShardLock taken = new ShardLock(library, shared, shardFile, shardLock, stale, scanning);
            library = null;
            shardFile = null;
            return taken;
        } catch (LockFile.HeldHere e) {
            throw LibraryLock.busy(layout, LibraryLock.who(e.holder()));
        } catch (IOException e) {
            throw LibraryLock.cannotLock(shardFile == null ? libraryPath : shardPath, e);
        } finally {
            if (shardFile != null) {
                shardFile.closeQuietly();
            }
            if (library != null) {
                library.closeQuietly();
            }
        }
    }

    private static FileLock wait(
            LibraryLayout layout, LockFile file, boolean shared, String holder, Consumer<String> waiting)
            throws IOException {
        if (waiting == null) {
            throw LibraryLock.busy(layout, holder);
        }
        waiting.accept("Waiting for " + holder + " to finish with " + layout.root() + "...");
        return file.lock(LockFile.HOLDER_BYTE, shared);
    }

    /**
     * Whether another process, on this machine or another, runs shard {@code shard} of {@code layout}'s
     * library now (holds its lock).
     */
    public static boolean runsElsewhere(LibraryLayout layout, Shard shard) {
        return LockFile.heldElsewhere(LibraryLock.shardFile(layout, shard));
    }

    /** Who held this shard before and ended without releasing it (killed); empty when released cleanly. */
    @Override
    public String previousHolder() {
        return previousHolder;
    }

    /**
     * Never: other shards write beside this one, and their temporary files look the same. The next build or
     * {@code --render-only}, holding the whole library, removes what a killed shard left.
     */
    @Override
    public boolean mayHaveLeftovers() {
        return false;
    }

    /** Lets the next shard scan. */
    @Override
    public synchronized void indexed() {
        if (scanning != null) {
            try {
                scanning.release();
            } catch (IOException e) {
                // closing the file at the end releases it anyway
            }
            scanning = null;
        }
    }

    /** Releases the shard (its holder line emptied) and then the library. */
    @Override
    public void close() {
        indexed();
        try {
            shardFile.clearHolder();
            shardLock.release();
            shared.release();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release shard lock: " + e.getMessage(), e);
        } finally {
            shardFile.close();
            library.close();
        }
    }
}
