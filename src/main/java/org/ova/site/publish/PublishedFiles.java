package org.ova.site.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.ova.site.SiteManifest;

/**
 * The videos and media of a published folder, brought in line with a {@link PublishPlan}: a file is
 * hard-linked (or copied) only when missing or different, and the files an earlier publish made that
 * no longer belong are deleted. What it made is listed in the library's machine files
 * ({@link SiteManifest#publishedFiles}), never in the published folder, so it never deletes a file it
 * did not make. A file counts as up to date when it is the library's file itself (a hard link) or has
 * its size and modification time (copies keep it): so a copy cut short by a crash is made again.
 */
public final class PublishedFiles {

    private static final long FAT_TIME_RESOLUTION_MS = 2000;

    private final Path out;
    private final SiteManifest list;
    private final AtomicInteger linked = new AtomicInteger();
    private final AtomicInteger copied = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();

    /**
     * @param out  the published folder
     * @param list where the files put into it are listed
     */
    PublishedFiles(Path out, SiteManifest list) {
        this.out = out.toAbsolutePath().normalize();
        this.list = list;
    }

    /**
     * Makes the folder hold exactly {@code files} (published path to library file).
     *
     * @param link hard-link where the file system allows it, else copy
     * @return how many files were linked, copied, kept and deleted
     */
    public SyncResult sync(Map<String, Path> files, boolean link) {
        List<RuntimeException> failures = new ArrayList<>();
        files.entrySet().parallelStream().forEach(file -> {
            try {
                put(file.getKey(), file.getValue(), link);
            } catch (RuntimeException e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        });
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        int deleted = 0;
        for (String old : previousFiles()) {
            if (!files.containsKey(old) && isOurs(old) && delete(out.resolve(old))) {
                deleted++;
            }
        }
        list.write(new SiteManifest.Entry("", files.keySet().stream().sorted().toList()));
        return new SyncResult(linked.get(), copied.get(), unchanged.get(), deleted);
    }

    private void put(String path, Path source, boolean link) {
        Path target = out.resolve(path);
        try {
            BasicFileAttributes from = Files.readAttributes(source, BasicFileAttributes.class);
            if (upToDate(from, target)) {
                unchanged.incrementAndGet();
                return;
            }
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            if (link && tryLink(target, source)) {
                linked.incrementAndGet();
            } else {
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                copied.incrementAndGet();
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(
                    "the library file " + source + " is gone: run ova build, then publish" + " again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static boolean upToDate(BasicFileAttributes source, Path target) throws IOException {
        BasicFileAttributes existing;
        try {
            existing = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (source.fileKey() != null && Objects.equals(source.fileKey(), existing.fileKey())) {
            return true;
        }
        // FAT keeps modification times to 2 s
        return existing.size() == source.size()
                && Math.abs(existing.lastModifiedTime().toMillis()
                                - source.lastModifiedTime().toMillis())
                        <= FAT_TIME_RESOLUTION_MS;
    }

    /** A hard link, when the folder is on the library's file system and that supports them. */
    private static boolean tryLink(Path target, Path source) throws IOException {
        try {
            Files.createLink(target, source);
            return true;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // another device, or FAT/exFAT: copy instead
            if (Files.exists(target)) {
                throw e;
            }
            return false;
        }
    }

    /** Only files under the folders ova publishes into: a manifest edited by hand cannot delete elsewhere. */
    private boolean isOurs(String path) {
        if (!(path.startsWith(PublishPlan.VIDEOS) || path.startsWith(PublishPlan.MEDIA)) || path.contains("\\")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private boolean delete(Path file) {
        try {
            if (!Files.deleteIfExists(file)) {
                return false;
            }
            for (Path folder = file.getParent(); !folder.equals(out) && isEmpty(folder); folder = folder.getParent()) {
                Files.delete(folder);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not delete " + file + " from the published folder: " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    private List<String> previousFiles() {
        return list.read().map(SiteManifest.Entry::files).orElse(List.of());
    }

    /** What a sync did. */
    public record SyncResult(int linked, int copied, int unchanged, int deleted) {}
}
