package org.ova.repo;

import java.io.IOException;
import java.nio.file.FileSystemException;

/**
 * Whether a failed write failed because the disk (or the user's quota) is full: such a failure is said
 * plainly, once, with what to do, wherever ova writes (the site, uploads).
 */
public final class DiskFull {

    private DiskFull() {}

    /** The reason the operating system gave for {@code failure}. */
    public static String reason(IOException failure) {
        return failure instanceof FileSystemException fs && fs.getReason() != null
                ? fs.getReason()
                : String.valueOf(failure.getMessage());
    }

    public static boolean causedBy(IOException failure) {
        String reason = reason(failure);
        return reason.contains("No space left on device") || reason.contains("Disk quota exceeded");
    }
}
