package org.ova.repo.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
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
 * <p>Every video inside the library is listed under its real path, whatever links point at it: a
 * symlink whose target lies inside the library is a second route, skipped with a warning, so adding
 * one never moves a video, its metadata or its folder. Links that lead out of the library are
 * followed (when {@link ScanOptions#followSymlinks()} says so), each folder once by its file key
 * (device and inode), so nothing loops; a link to a folder that contains the library (such as
 * {@code /}) or to a special file system ({@code /proc}, {@code /sys}, {@code /dev}) is skipped with
 * a warning instead of walking the machine. A folder or entry that cannot be read is skipped with
 * one warning and reported in {@link ScanResult#unreadable()}; the scan goes on.
 *
 * <p>Folders are walked in name order, so results do not depend on the file system. Each entry
 * costs one directory read and one {@code lstat}; links cost a few more calls. Names are kept
 * exactly as on disk (no Unicode normalisation), so every listed path can be opened and two names
 * that differ only in NFC/NFD form stay two files.
 */
public final class LibraryScanner {

    /** File systems of the kernel's own making: huge or endless trees that hold no videos. */
    private static final Set<String> SPECIAL_FILE_SYSTEMS = Set.of(
            "proc",
            "sysfs",
            "devtmpfs",
            "devpts",
            "devfs",
            "cgroup",
            "cgroup2",
            "debugfs",
            "tracefs",
            "securityfs",
            "pstore",
            "bpf",
            "configfs",
            "fusectl",
            "mqueue",
            "hugetlbfs",
            "binfmt_misc",
            "autofs",
            "efivarfs",
            "selinuxfs",
            "nsfs",
            "rpc_pipefs");

    private final ScanOptions options;
    private final ExcludeGlobs excludes;

    public LibraryScanner(ScanOptions options) {
        this.options = options;
        this.excludes = new ExcludeGlobs(options.excludeGlobs());
    }

    /** Walks {@code layout.root()}; problems with single entries become warnings in the result. */
    public ScanResult scan(LibraryLayout layout) {
        Path root = layout.root();
        Walk walk;
        try {
            Path realRoot = root.toRealPath();
            walk = new Walk(realRoot);
            walk.visitedFolders.add(keyOf(realRoot, Files.readAttributes(realRoot, BasicFileAttributes.class)));
        } catch (IOException e) {
            return new ScanResult(
                    List.of(), List.of("cannot read library folder " + root + ": " + describe(e)), List.of(""));
        }
        walk.folder(root, "");
        walk.found.sort(Comparator.comparing(ScannedFile::path));
        return new ScanResult(walk.found, walk.warnings, walk.unreadable);
    }

    private final class Walk {
        final Path realRoot;
        final List<String> warnings = new ArrayList<>();
        final List<String> unreadable = new ArrayList<>();
        final Set<Object> visitedFolders = new HashSet<>();
        final List<ScannedFile> found = new ArrayList<>();

        Walk(Path realRoot) {
            this.realRoot = realRoot;
        }

        void folder(Path folder, String prefix) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
                stream.forEach(entries::add);
            } catch (IOException | DirectoryIteratorException | UncheckedIOException e) {
                skipped(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "folder " + folder, e);
                return;
            }
            entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".")) {
                    entry(entry, prefix + name);
                }
            }
        }

        void entry(Path entry, String relative) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return; // deleted while the folder was read: nothing to list
            } catch (IOException | UncheckedIOException e) {
                skipped(relative, entry.toString(), e);
                return;
            }
            if (attributes.isSymbolicLink()) {
                if (options.followSymlinks()) {
                    link(entry, relative);
                }
            } else if (attributes.isDirectory()) {
                if (visitedFolders.add(keyOf(entry, attributes))) {
                    folder(entry, relative + "/");
                }
            } else {
                file(entry, relative, attributes);
            }
        }

        void link(Path link, String relative) {
            Path target;
            BasicFileAttributes attributes;
            try {
                target = link.toRealPath();
                attributes = Files.readAttributes(target, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                warnings.add("skipped broken symlink " + link + " -> " + linkTarget(link));
                return;
            } catch (IOException | UncheckedIOException e) {
                skipped(relative, "symlink " + link, e);
                return;
            }
            if (target.startsWith(realRoot)) {
                if (attributes.isDirectory() || isListable(relative)) {
                    String real = realRoot.relativize(target).toString().replace('\\', '/');
                    warnings.add("skipped symlink '" + relative + "': it leads to "
                            + (real.isEmpty() ? "the library folder itself" : "'" + real + "'")
                            + " inside the library, where each video is listed once, under its real path");
                }
            } else if (attributes.isDirectory()) {
                if (realRoot.startsWith(target)) {
                    warnings.add("skipped symlink '" + relative + "' -> " + target
                            + ": that folder contains the library, so following it would walk the library again");
                } else if (isSpecialFileSystem(target)) {
                    warnings.add("skipped symlink '" + relative + "' -> " + target + ": it leads to a system folder ("
                            + fileSystemType(target) + "), not to videos");
                } else if (visitedFolders.add(keyOf(target, attributes))) {
                    folder(link, relative + "/");
                }
            } else {
                file(link, relative, attributes);
            }
        }

        void file(Path file, String relative, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && isListable(relative)) {
                found.add(new ScannedFile(
                        relative,
                        file,
                        attributes.size(),
                        attributes.lastModifiedTime().toMillis()));
            }
        }

        void skipped(String relative, String what, Exception e) {
            warnings.add("skipped " + what + ": " + describe(e));
            unreadable.add(relative);
        }
    }

    private boolean isListable(String relative) {
        int dot = relative.lastIndexOf('/') < relative.lastIndexOf('.') ? relative.lastIndexOf('.') : -1;
        return dot >= 0
                && options.extensions().contains(relative.substring(dot + 1).toLowerCase(Locale.ROOT))
                && !excludes.excludes(relative);
    }

    private static boolean isSpecialFileSystem(Path folder) {
        return SPECIAL_FILE_SYSTEMS.contains(fileSystemType(folder));
    }

    private static String fileSystemType(Path folder) {
        try {
            return Files.getFileStore(folder).type();
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return "unknown";
        }
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

    private static String describe(Exception e) {
        Throwable cause =
                e instanceof DirectoryIteratorException || e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        return cause instanceof FileSystemException f && f.getReason() != null ? f.getReason() : cause.toString();
    }
}
