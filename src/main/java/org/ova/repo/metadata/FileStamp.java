package org.ova.repo.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What tells one version of a file from another without reading it. Size and modification time
 * alone miss an edit that keeps both (an editor or a copy that restores the time); the change time
 * and inode that every write or replacement updates catch it, where the file system has them.
 *
 * @param changedNanos the status change time (ctime), or {@link #UNKNOWN}
 * @param inode        the file's inode number, or {@link #UNKNOWN}
 */
public record FileStamp(long size, long modifiedMillis, long changedNanos, long inode) {

    /** For the parts a file system does not have (ctime and inode outside Unix). */
    public static final long UNKNOWN = -1;

    /** The stamp of {@code file} as it is now, in one call to the file system. */
    public static FileStamp of(Path file) throws IOException {
        Map<String, Object> unix;
        try {
            unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(basic.size(), basic.lastModifiedTime().toMillis(), UNKNOWN, UNKNOWN);
        }
        return new FileStamp(
                (Long) unix.get("size"),
                ((FileTime) unix.get("lastModifiedTime")).toMillis(),
                ((FileTime) unix.get("ctime")).to(TimeUnit.NANOSECONDS),
                (Long) unix.get("ino"));
    }
}
