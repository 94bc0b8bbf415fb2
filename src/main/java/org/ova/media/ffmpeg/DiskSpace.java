package org.ova.media.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Says plainly when a disk is full: ffmpeg reports it in several ways ({@code No space left on
 * device}, {@code Error writing trailer}, a bare {@code ENOSPC}), and ffmpeg 5.1 even exits 0 when it
 * cannot finish an MP4, so ova checks its outputs and words the problem itself.
 */
public final class DiskSpace {

    /** Below this, a missing or cut-short output is put down to a full disk. */
    static final long NEARLY_FULL_BYTES = 1L << 20;

    private DiskSpace() {}

    /** Whether an ffmpeg log line says that writing failed for lack of space. */
    public static boolean reportsFull(String ffmpegLine) {
        String lower = ffmpegLine.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device") || lower.contains("enospc");
    }

    /** Whether an ffmpeg log line says that it could not finish writing its output. */
    public static boolean reportsUnfinishedOutput(String ffmpegLine) {
        return reportsFull(ffmpegLine) || ffmpegLine.contains("Error writing trailer");
    }

    /** Bytes free for ova on the disk holding {@code dir} (or its nearest existing parent); -1 when unknown. */
    public static long usable(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    public static boolean nearlyFull(Path dir) {
        long free = usable(dir);
        return free >= 0 && free < NEARLY_FULL_BYTES;
    }

    /** {@code No space left on device on /lib/.ova-repo/staging (0 MB free)}. */
    public static String fullMessage(Path dir) {
        long free = usable(dir);
        return "No space left on device on " + dir.toAbsolutePath()
                + (free < 0 ? "" : " (" + free / (1024 * 1024) + " MB free)");
    }
}
