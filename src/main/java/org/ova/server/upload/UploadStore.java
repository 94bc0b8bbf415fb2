package org.ova.server.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.AtomicFiles;
import org.ova.repo.LibraryLayout;
import org.ova.server.HttpProblem;

/**
 * Where uploads are written while they arrive — {@code .ova-repo/uploads/}, never the library — and how
 * a complete one is placed into a library folder: under its own name, or with {@code " (2)"}, {@code " (3)"}
 * … when that is taken (a name is claimed with an exclusive create, so two uploads of one name at once
 * get two files and nothing is ever overwritten). A partial upload (the client went away, the disk
 * filled, the server was killed) stays in the uploads folder and is deleted there.
 */
public final class UploadStore {

    private static final Logger LOG = LogManager.getLogger(UploadStore.class);
    private static final String PART = ".part";
    /** Space left free on the disk besides the upload, for the library's own files. */
    static final long RESERVE_BYTES = 64L * 1024 * 1024;

    private final LibraryLayout layout;
    private final Path folder;
    /** One thread for the uploads' background flushes, gone when idle. */
    private final ThreadPoolExecutor flusher =
            new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
                Thread thread = new Thread(work, "ova-upload-flush");
                thread.setDaemon(true);
                return thread;
            });

    public UploadStore(LibraryLayout layout) {
        this.layout = layout;
        this.folder = layout.repoDir().resolve("uploads");
    }

    /** Deletes what uploads cut short by a killed server left behind; call before serving. */
    public void deleteLeftovers() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().endsWith(PART)).forEach(file -> {
                LOG.info("Deleting the unfinished upload {}", layout.relativize(file));
                AtomicFiles.deleteQuietly(file);
            });
        } catch (IOException e) {
            LOG.warn("Could not clean {}: {}", folder, e.getMessage());
        }
    }

    /**
     * Refuses an upload of {@code bytes} when the disk cannot hold it with room to spare.
     *
     * @throws HttpProblem 507 naming the free space
     */
    public void requireSpace(long bytes) {
        try {
            Files.createDirectories(folder);
            long usable = Files.getFileStore(folder).getUsableSpace();
            if (usable - RESERVE_BYTES < bytes) {
                throw new HttpProblem(
                        507,
                        "Not enough free disk space for this upload",
                        "The upload needs " + megabytes(bytes) + " MB; the library's disk has " + megabytes(usable)
                                + " MB free. Free some space and try again.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + folder + " for uploads: " + e.getMessage(), e);
        }
    }

    /**
     * A new file in the uploads folder for an upload's bytes, at most {@code maxBytes}.
     *
     * @see UploadPart
     */
    public UploadPart open(long maxBytes) throws IOException {
        Files.createDirectories(folder);
        return new UploadPart(folder.resolve(UUID.randomUUID() + PART), maxBytes, flusher);
    }

    /**
     * Moves the complete upload {@code received} into {@code target}'s folder (made when missing) under
     * {@code target}'s name, or the first free {@code name (N).ext}.
     *
     * @param claimed told the file's name once it is claimed and before the bytes are there (for its
     *     metadata to be written first)
     * @return the file it now is
     */
    public Path place(Path received, Path target, Consumer<Path> claimed) throws IOException {
        Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            Path candidate = target.resolveSibling(n == 1 ? name : stem + " (" + n + ")" + extension);
            try {
                // claims the name: an exclusive create fails when the name is taken, even by a racing upload
                Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            try {
                claimed.accept(candidate);
                Files.move(received, candidate, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                AtomicFiles.deleteQuietly(candidate);
                throw e;
            }
            return candidate;
        }
    }

    /** 413: an upload over the limit of {@code maxBytes}. */
    static HttpProblem tooLarge(long maxBytes) {
        return new HttpProblem(
                413,
                "The file is larger than the upload limit of " + megabytes(maxBytes) + " MB",
                "Raise server.maxUploadMb in .ova-repo/config.yaml, or copy the file into the library.");
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
