package org.ova.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes files so that a crash or kill at any moment leaves either the old file or the new one,
 * never a half-written mix: bytes go to a temporary sibling, are forced to disk, then renamed
 * over the target in one atomic move.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code content}, creating parent folders as needed. */
    public static void write(Path target, byte[] content) {
        write(target, content, true);
    }

    private static void write(Path target, byte[] content, boolean force) {
        Path parent = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (force) {
                    channel.force(true);
                }
            }
            move(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Replaces {@code target} with {@code text} encoded as UTF-8. */
    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates {@code target} with {@code text} (UTF-8) only when nothing is there, in one step: a file
     * someone creates meanwhile is never replaced. Used for files ova writes once for a person to edit
     * (templates): they are not forced to disk one by one, which makes creating thousands of them
     * fast, because losing a fresh template to a crash only means the next run writes it again.
     *
     * @return true when this call created the file, false when one already existed
     */
    public static boolean createIfAbsent(Path target, String text) {
        Path parent = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
            Files.write(temp, text.getBytes(StandardCharsets.UTF_8));
            Files.move(temp, target);
            temp = null;
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Writes {@code content} only when the file does not already hold exactly these bytes.
     *
     * @return true when the file was written
     */
    public static boolean writeIfChanged(Path target, byte[] content) {
        return writeIfChanged(target, content, true);
    }

    /**
     * Like {@link #writeIfChanged(Path, byte[])}, still atomic (temporary file and rename), but the
     * bytes are not forced to disk one file at a time: for files that are rebuilt from other data
     * anyway (the site's thousands of pages), where a crash at worst means the next build writes a
     * page again, and forcing each file would cost a disk flush per page.
     *
     * @return true when the file was written
     */
    public static boolean replaceIfChanged(Path target, byte[] content) {
        return writeIfChanged(target, content, false);
    }

    private static boolean writeIfChanged(Path target, byte[] content, boolean force) {
        try {
            if (Files.isRegularFile(target) && Files.size(target) == content.length
                    && Arrays.equals(Files.readAllBytes(target), content)) {
                return false;
            }
        } catch (IOException e) {
            // unreadable: fall through and replace it
        }
        write(target, content, force);
        return true;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a stray temp file is harmless; the next write replaces the target anyway
            }
        }
    }
}
