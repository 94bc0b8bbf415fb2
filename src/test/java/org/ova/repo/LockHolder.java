package org.ova.repo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second ova process for the lock tests: takes a library's lock (or with a second argument {@code I/N},
 * that shard's lock, past its scan), says so, and keeps it until killed.
 */
public final class LockHolder {

    private LockHolder() {}

    public static void main(String[] args) throws InterruptedException {
        LibraryLayout layout = new LibraryLayout(Path.of(args[0]));
        LibraryHold lock = args.length > 1
                ? ShardLock.acquire(layout, Shard.parse(args[1]), "build --shard " + args[1] + " " + args[0], null)
                : LibraryLock.acquire(layout, "build " + args[0], null);
        lock.indexed();
        System.out.println("locked " + lock.previousHolder());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts a holder of {@code library}'s lock (of shard {@code shard} when given) and waits until it has it. */
    public static Process start(Path library, String... shard) throws IOException {
        List<String> args = new ArrayList<>(List.of(library.toString()));
        args.addAll(List.of(shard));
        return SecondProcess.start(LockHolder.class, "locked", args);
    }
}
