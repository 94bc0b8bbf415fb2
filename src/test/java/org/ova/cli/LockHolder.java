package org.ova.cli;

import java.nio.file.Path;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryLock;

/** A second ova process for {@link LibraryLockTest}: takes a library's lock, says so, and keeps it until killed. */
public final class LockHolder {

    private LockHolder() {}

    public static void main(String[] args) throws InterruptedException {
        LibraryLock lock = LibraryLock.acquire(new LibraryLayout(Path.of(args[0])), "build " + args[0], null);
        System.out.println("locked " + lock.previousHolder());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
