package org.ova.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.ova.repo.AtomicFiles;
import org.ova.repo.DiskFull;

/**
 * Writes one render's files into the site folder, all or nothing: each changed file goes to a
 * temporary file beside its target ({@link AtomicFiles#stage}), and only {@link #finish} moves them
 * all into place, deletes the files an earlier build wrote that this one did not, and records the
 * new list in the {@link SiteManifest}. A render that fails calls {@link #abandon} and the site stays
 * as it was; no page is ever half-written under its real name, even after a crash. Safe to call
 * from several threads.
 */
public final class SiteWriter {

    /** Where earlier versions listed their files, inside the site folder: read once, then removed. */
    private static final String OLD_MANIFEST = ".ova-site-files";

    private static final String OLD_HEADER = "# inputs ";

    private final Path root;
    private final SiteManifest manifest;
    private final Optional<SiteManifest.Entry> previous;
    private final Set<String> produced = ConcurrentHashMap.newKeySet();
    private final Queue<Staged> staged = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unchanged = new AtomicInteger();

    public SiteWriter(Path root, SiteManifest manifest) {
        this.root = root.toAbsolutePath().normalize();
        this.manifest = manifest;
        this.previous = manifest.read().or(this::oldManifest);
    }

    /** A file written to its temporary name, waiting to be moved to {@code target}. */
    private record Staged(Path temp, Path target) {}

    /**
     * Makes sure this render may write into the site folder: one ova wrote before, an empty or
     * missing one, or any folder when {@code force} is set (its files then stay, except those a page
     * replaces). The folder is recorded as ova's at once, so an interrupted first render can be redone.
     *
     * @throws SiteException when the folder holds files ova did not make and {@code force} is not set
     */
    public void claim(boolean force) {
        if (previous.isPresent()) {
            return;
        }
        if (!force && !isEmptyOrMissing(root)) {
            throw new SiteException(root + " is not empty and was not made by ova: choose another site.output "
                    + "or run with --force");
        }
        manifest.write(new SiteManifest.Entry(SiteFingerprint.UNKNOWN, List.of()));
    }

    /** Stages {@code content} for {@code path} (site-relative) unless the file already holds exactly that. */
    public void write(String path, byte[] content) {
        Path target = resolve(path);
        if (!produced.add(path)) {
            throw new SiteException("two pages want the same file " + target);
        }
        if (AtomicFiles.holds(target, content)) {
            unchanged.incrementAndGet();
            return;
        }
        try {
            staged.add(new Staged(AtomicFiles.stage(target, content), target));
        } catch (IOException e) {
            throw failure("write " + target, e);
        }
    }

    /**
     * Counts {@code path} as produced by this render without touching it: the file the last render
     * wrote is known to hold what this one would write. Not checked like a written path (thousands are
     * kept after an edit): a kept path touches no file, and {@link #finish} checks each it deletes.
     */
    public void keep(String path) {
        if (!produced.add(path)) {
            throw new SiteException("two pages want the same file " + resolve(path));
        }
        unchanged.incrementAndGet();
    }

    public void write(String path, String text) {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether the last build had the inputs {@code fingerprint} and all its files are still there;
     * then this build would write exactly the same files.
     *
     * @return the number of files of that build, or -1 when it is not up to date
     */
    public int upToDate(String fingerprint) {
        if (previous.isEmpty() || !previous.get().inputs().equals(fingerprint)) {
            return -1;
        }
        // thousands of look-ups of files that are almost surely there: on all cores
        List<String> files = previous.get().files();
        return files.parallelStream().allMatch(file -> isSafe(file) && Files.isRegularFile(root.resolve(file)))
                ? files.size()
                : -1;
    }

    /**
     * Moves every staged file into place, deletes the files of the last build that this one did not
     * produce (and folders left empty), then records this build's files and its inputs' {@code fingerprint}.
     *
     * @return the number of files deleted
     */
    public int finish(String fingerprint) {
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        // renames are cheap but many after a first render: on all cores
        staged.parallelStream().forEach(file -> {
            try {
                AtomicFiles.commit(file.temp(), file.target());
            } catch (IOException e) {
                AtomicFiles.deleteQuietly(file.temp());
                failures.add(failure("move " + file.temp() + " to " + file.target(), e));
            }
        });
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        int deleted = 0;
        int kept = 0;
        List<String> previousFiles = previous.map(SiteManifest.Entry::files).orElse(List.of());
        for (String old : previousFiles) {
            if (produced.contains(old)) {
                kept++;
            } else if (isSafe(old)) {
                Path file = root.resolve(old);
                try {
                    if (Files.deleteIfExists(file)) {
                        deleted++;
                        deleteEmptyFolders(file.getParent());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "could not delete the old site file " + file + ": " + e.getMessage(), e);
                }
            }
        }
        // sorted, so the manifest reads well and is rewritten only when the files change; the same files
        // as the last build's (an edit's render) are in its order already
        List<String> files = previousFiles;
        if (kept != produced.size() || kept != previousFiles.size()) {
            String[] sorted = produced.toArray(String[]::new);
            Arrays.parallelSort(sorted);
            files = List.of(sorted);
        }
        manifest.write(new SiteManifest.Entry(fingerprint, files));
        AtomicFiles.deleteQuietly(root.resolve(OLD_MANIFEST));
        return deleted;
    }

    /** Deletes every staged file (and folders left empty): the site stays as the last build left it. */
    public void abandon() {
        for (Staged file; (file = staged.poll()) != null; ) {
            AtomicFiles.deleteQuietly(file.temp());
            try {
                deleteEmptyFolders(file.temp().getParent());
            } catch (IOException e) {
                // an empty folder left behind is harmless
            }
        }
    }

    /** Files staged by this render (written by {@link #finish}). */
    public int written() {
        return staged.size();
    }

    public int unchanged() {
        return unchanged.get();
    }

    public Path root() {
        return root;
    }

    private Path resolve(String path) {
        if (!isSafe(path)) {
            throw new SiteException("refusing to write outside the site folder: " + path);
        }
        return root.resolve(path);
    }

    /** Relative, no {@code ..}: a manifest edited by hand cannot make ova delete files elsewhere. */
    private boolean isSafe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return root.resolve(path).normalize().startsWith(root);
    }

    /**
     * What failed, in one line; a full disk is said plainly (every page fails alike then, so the
     * render reports it once).
     */
    private SiteException failure(String action, IOException e) {
        String reason = DiskFull.reason(e);
        if (DiskFull.causedBy(e)) {
            return new SiteException(reason + " on " + root + " (" + freeMegabytes() + " MB free)", e);
        }
        return new SiteException(
                "could not " + action + ": " + reason + " (check that the site folder is writable)", e);
    }

    private long freeMegabytes() {
        Path existing = root;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? 0 : Files.getFileStore(existing).getUsableSpace() / 1_000_000;
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isEmptyOrMissing(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** The file list of a site built before the manifest moved to {@code .ova-repo/machine}. */
    private Optional<SiteManifest.Entry> oldManifest() {
        Path file = root.resolve(OLD_MANIFEST);
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            if (lines.isEmpty() || !lines.get(0).startsWith(OLD_HEADER)) {
                return Optional.empty();
            }
            return Optional.of(new SiteManifest.Entry(
                    lines.get(0).substring(OLD_HEADER.length()), new ArrayList<>(lines.subList(1, lines.size()))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void deleteEmptyFolders(Path folder) throws IOException {
        while (folder != null && folder.startsWith(root) && !folder.equals(root)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                if (entries.iterator().hasNext()) {
                    return;
                }
            }
            Files.delete(folder);
            folder = folder.getParent();
        }
    }
}
