package org.ova.repo;

/**
 * What a command that writes into a library holds while it runs: the whole library ({@link LibraryLock})
 * or one shard of it ({@link ShardLock}).
 */
public sealed interface LibraryHold extends AutoCloseable permits LibraryLock, ShardLock {

    /** Who held it before and ended without releasing it (killed); empty when released cleanly. */
    String previousHolder();

    /**
     * Whether temporary files of interrupted writes may lie in the library and can be removed now, with
     * no other ova writing.
     */
    boolean mayHaveLeftovers();

    /**
     * The library was scanned: a shard lets the next shard scan; the whole library's holder has nothing
     * to do.
     */
    default void indexed() {}

    @Override
    void close();
}
