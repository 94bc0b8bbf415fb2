package org.ova.repo.scan;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ova.repo.LibraryLayout;

/**
 * Finds the videos of a library. Hidden files and folders (names starting with {@code .}, which
 * includes {@code .ova-repo}), files without a video extension and excluded paths are skipped.
 *
 * <p>Symlinks are followed at most once per target: folders are recognised by their file key
 * (device and inode), so a link to an ancestor cannot loop and a folder reached through two links
 * is walked once; a file reached under two paths is listed once, under the first path in sort
 * order. Folders are walked in name order, so which path wins does not depend on the file system.
 *
 * <p>Each entry costs one directory read and one {@code stat}; nothing else is asked of the disk.
 * Names are kept exactly as on disk (no Unicode normalisation), so every listed path can be opened
 * and two names that differ only in NFC/NFD form stay two files.
 */
public final class LibraryScanner {

    private final ScanOptions options;
    private final ExcludeGlobs excludes;

    public LibraryScanner(ScanOptions options) {
        this.options = options;
        this.excludes = new ExcludeGlobs(options.excludeGlobs());
    }

    /** Walks {@code layout.root()}; problems with single entries become warnings in the result. */
    public ScanResult scan(LibraryLayout layout) {
        Walk walk = new Walk();
        Path root = layout.root();
        try {
            BasicFileAttributes attributes = Files.readAttributes(root, BasicFileAttributes.class);
            walk.visitedFolders.add(keyOf(root, attributes));
        } catch (IOException e) {
            walk.warnings.add("cannot read library folder " + root + ": " + describe(e));
            return new ScanResult(List.of(), walk.warnings);
        }
        walk.folder(root, "");
        return new ScanResult(walk.uniqueFilesByPath(), walk.warnings);
    }

    private final class Walk {
        final List<String> warnings = new ArrayList<>();
        final Set<Object> visitedFolders = new HashSet<>();
        final List<Found> found = new ArrayList<>();

        void folder(Path folder, String prefix) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
                for (Path entry : stream) {
                    entries.add(entry);
                }
            } catch (IOException e) {
                warnings.add("skipped folder " + folder + ": " + describe(e));
                return;
            }
            entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && !name.equals(LibraryLayout.REPO_DIR)) {
                    entry(entry, prefix + name);
                }
            }
        }

        void entry(Path entry, String relative) {
            BasicFileAttributes attributes = attributesOf(entry);
            if (attributes == null || attributes.isSymbolicLink()) {
                return;
            }
            if (attributes.isDirectory()) {
                if (visitedFolders.add(keyOf(entry, attributes))) {
                    folder(entry, relative + "/");
                }
            } else if (attributes.isRegularFile() && isVideo(relative) && !excludes.excludes(relative)) {
                found.add(new Found(
                        new ScannedFile(relative, entry, attributes.size(), attributes.lastModifiedTime().toMillis()),
                        keyOf(entry, attributes)));
            }
        }

        /** Null when the entry cannot be looked at (a warning is recorded) or is a link not to follow. */
        BasicFileAttributes attributesOf(Path entry) {
            try {
                return options.followSymlinks()
                        ? Files.readAttributes(entry, BasicFileAttributes.class)
                        : Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                if (Files.isSymbolicLink(entry)) {
                    warnings.add("skipped broken symlink " + entry + " -> " + linkTarget(entry));
                }
                // otherwise it was deleted while the folder was read: nothing to list
                return null;
            } catch (IOException e) {
                warnings.add("skipped " + entry + ": " + describe(e));
                return null;
            }
        }

        List<ScannedFile> uniqueFilesByPath() {
            found.sort(Comparator.comparing(f -> f.file.path()));
            Set<Object> seen = new HashSet<>();
            List<ScannedFile> files = new ArrayList<>(found.size());
            for (Found f : found) {
                if (seen.add(f.key)) {
                    files.add(f.file);
                }
            }
            return files;
        }
    }

    private record Found(ScannedFile file, Object key) {
    }

    private boolean isVideo(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && dot > name.lastIndexOf('/')
                && options.extensions().contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The file key where the platform has one (device + inode), else the real path. */
    private static Object keyOf(Path path, BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        if (key != null) {
            return key;
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.toString();
    }
}
