package org.ova.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Temporary files of atomic writes ({@link AtomicFiles}) that a killed ova left behind: a
 * {@code kill -9} between writing the temporary file and renaming it leaves
 * {@code .beach.mp4.yaml.8123.tmp} beside the metadata file forever, in a folder people keep in git.
 * Removed only by the holder of the {@link LibraryLock}, as another ova's writes in progress look
 * exactly the same.
 */
public final class LeftoverTempFiles {

    /**
     * {@code .NAME.DIGITS.tmp} (what {@code Files.createTempFile(folder, "." + name + ".", ".tmp")} makes)
     * and {@code .NAME.ova-RANDOM.tmp}.
     */
    private static final Pattern TEMP_FILE = Pattern.compile("\\..+\\.(\\d+|ova-[A-Za-z0-9_-]+)\\.tmp");
    /** Generated media and staging are the media pipeline's to clean. */
    private static final Set<String> SKIPPED = Set.of("media", "staging");

    private LeftoverTempFiles() {}

    /** Whether {@code file}'s name is that of an atomic write's temporary file. */
    public static boolean isTempFile(Path file) {
        Path name = file.getFileName();
        return name != null && TEMP_FILE.matcher(name.toString()).matches();
    }

    /**
     * Deletes the temporary files under {@code layout}'s {@code .ova-repo} (all but generated media
     * and staging), and under {@code siteDir} when it is elsewhere.
     *
     * @return the files deleted, relative to the library root
     */
    public static List<String> remove(LibraryLayout layout, Path siteDir) {
        List<String> removed = new ArrayList<>();
        remove(layout, layout.repoDir(), removed);
        Path site = siteDir.toAbsolutePath().normalize();
        if (!site.startsWith(layout.repoDir())) {
            remove(layout, site, removed);
        }
        return removed;
    }

    private static void remove(LibraryLayout layout, Path dir, List<String> removed) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    return folder.getParent() != null
                                    && folder.getParent().equals(layout.repoDir())
                                    && SKIPPED.contains(folder.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile() && isTempFile(file) && Files.deleteIfExists(file)) {
                        removed.add(layout.relativize(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean up temporary files in " + dir + ": " + e.getMessage(), e);
        }
    }
}
