package org.ova.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryLockTest {

    @TempDir
    Path root;

    @Test
    void theFirstLockMayFindLeftoversAndOneAfterACleanReleaseDoesNot() {
        LibraryLayout layout = new LibraryLayout(root);
        try (LibraryLock first = LibraryLock.acquire(layout, "build", null)) {
            assertTrue(first.mayHaveLeftovers());
        }
        try (LibraryLock second = LibraryLock.acquire(layout, "build", null)) {
            assertEquals("", second.previousHolder());
            assertEquals(false, second.mayHaveLeftovers());
        }
    }

    @Test
    @SuppressWarnings("try") // the lock is held by the try block itself
    void aSecondTakerInTheSameProcessIsTurnedAwayNamingTheHolder() throws Exception {
        LibraryLayout layout = new LibraryLayout(root);
        try (LibraryLock held = LibraryLock.acquire(layout, "publish " + root, null)) {
            LibraryLock.Busy busy =
                    assertThrows(LibraryLock.Busy.class, () -> LibraryLock.acquire(layout, "build", null));
            assertTrue(
                    busy.getMessage().contains("(pid " + ProcessHandle.current().pid() + ", started "),
                    busy.getMessage());
            assertTrue(
                    busy.getMessage().contains(", ova publish " + root + ", on " + HostName.OF_THIS_MACHINE + ")"),
                    busy.getMessage());
        }
        assertEquals("", Files.readString(LibraryLock.file(layout)), "released and emptied");
    }
}
