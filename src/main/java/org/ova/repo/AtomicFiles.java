package org.ova.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a crash or kill at any moment leaves either the old file or the new one,
 * never a half-written mix: bytes go to a temporary sibling, are forced to disk, then renamed
 * over the target in one atomic move. Every file gets the ordinary modes of a new file (0666 less the
 * umask, so 0644 as a rule): static web servers run as another user and must read what ova writes.
 * Temporary files are named {@code .NAME.ova-RANDOM.tmp} beside their target (see {@link #isTempFile}).
 */
public final class AtomicFiles {

    private static final String TEMP_INFIX = ".ova-";
    private static final String TEMP_SUFFIX = ".tmp";
    /** How much of a file {@link #holds} reads at a time. */
    private static final int COMPARE_CHUNK = 64 * 1024;

    private AtomicFiles() {}

    /**
     * Whether {@code file} is one of the temporary files this class writes ({@code .NAME.ova-RANDOM.tmp}):
     * one left behind by a killed process can be deleted, its target still holds the last whole file.
     */
    public static boolean isTempFile(Path file) {
        String name = file.getFileName().toString();
        int infix = name.lastIndexOf(TEMP_INFIX);
        return name.startsWith(".")
                && name.endsWith(TEMP_SUFFIX)
                && infix > 0
                && name.length() - TEMP_SUFFIX.length() - infix - TEMP_INFIX.length() == 16;
    }

    /**
     * Writes {@code content} to a new temporary file beside {@code target} (creating parent folders),
     * not forced to disk, for {@link #commit} to move into place later. A caller that writes many files
     * this way can move them all only once every one was written, and delete them all otherwise.
     *
     * @throws IOException when the file cannot be written; nothing is left behind then
     */
    public static Path stage(Path target, byte[] content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        try {
            return writeTemp(parent, target, content, false);
        } catch (NoSuchFileException noFolderYet) {
            // the folder is looked at only when missing: a site's thousands of files share a few dozen
            Files.createDirectories(parent);
            return writeTemp(parent, target, content, false);
        }
    }

    /** Moves a file made by {@link #stage} over {@code target} in one step. */
    public static void commit(Path temp, Path target) throws IOException {
        move(temp, target);
    }

    /**
     * A new file with a random name beside {@code target}, created without explicit permissions so
     * that it gets the umask's modes ({@link Files#createTempFile} would make it 0600), holding
     * {@code content}; deleted again when writing fails.
     */
    private static Path writeTemp(Path parent, Path target, byte[] content, boolean force) throws IOException {
        while (true) {
            Path temp = parent.resolve("." + target.getFileName() + TEMP_INFIX
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
            FileChannel channel;
            try {
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            try (channel) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (force) {
                    channel.force(true);
                }
                return temp;
            } catch (IOException | RuntimeException e) {
                deleteQuietly(temp);
                throw e;
            }
        }
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
            temp = writeTemp(parent, target, content, force);
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
            temp = writeTemp(parent, target, text.getBytes(StandardCharsets.UTF_8), false);
            Files.move(temp, target);
            temp = null;
            return true;
        } catch (FileAlreadyExistsException e) {
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
        if (holds(target, content)) {
            return false;
        }
        write(target, content, force);
        return true;
    }

    /** Whether {@code target} is a file holding exactly {@code content}; false when it cannot be read. */
    public static boolean holds(Path target, byte[] content) {
        // compared a piece at a time: a render compares thousands of pages and megabytes of data files,
        // and reading each whole would make as much garbage
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
            if (channel.size() != content.length) {
                return false;
            }
            ByteBuffer buffer = ByteBuffer.allocate(Math.min(content.length, COMPARE_CHUNK));
            int at = 0;
            while (at < content.length) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    return false;
                }
                if (!Arrays.equals(buffer.array(), 0, read, content, at, at + read)) {
                    return false;
                }
                at += read;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code path} if it is there, ignoring failures (a stray temporary file is harmless). */
    public static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a stray temp file is harmless; the next write replaces the target anyway
            }
        }
    }
}
