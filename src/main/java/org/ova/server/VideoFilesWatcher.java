package org.ova.server;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.LibraryLayout;
import org.ova.repo.scan.ExcludeGlobs;
import org.ova.repo.scan.ScanOptions;

/**
 * Watches a served library's folders for video files that are added, replaced, moved or deleted, and
 * reports them only once they are complete: a file still being copied (its size or time still
 * changing, as a copy from a camera or over the network does for minutes) is reported when it has
 * stayed the same for the settle time. Files and folders the scan skips (hidden ones, {@code .ova-repo},
 * excluded paths, other extensions) are ignored. A rename shows as the old and the new path in one report:
 * the scan that follows recognises the same content and moves the video with its metadata.
 *
 * <p>One thread; {@code changed} runs on it with the library-relative paths of one report (a folder's
 * path when a folder came or went as a whole).
 */
public final class VideoFilesWatcher implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(VideoFilesWatcher.class);
    /** How often files that are not settled yet are looked at again. */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(200);

    private final LibraryLayout layout;
    private final Set<String> extensions;
    private final ExcludeGlobs excludes;
    private final WatchedFolders folders;
    private final Duration settle;
    private final Consumer<Set<String>> changed;
    /** Changed paths not reported yet: what each looked like last, and since when. */
    private final Map<Path, Look> pending = new HashMap<>();

    private final Thread thread;

    /** A file's size and time when last looked at (absent: gone or a folder event), and since when so. */
    private record Look(long size, long modified, boolean present, long since) {

        static Look of(Path file, long now) {
            try {
                BasicFileAttributes attributes =
                        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return new Look(attributes.size(), attributes.lastModifiedTime().toMillis(), true, now);
            } catch (IOException gone) {
                return new Look(-1, -1, false, now);
            }
        }

        boolean sameAs(Look other) {
            return size == other.size && modified == other.modified && present == other.present;
        }
    }

    private VideoFilesWatcher(
            LibraryLayout layout,
            ScanOptions options,
            WatchedFolders folders,
            Duration settle,
            Consumer<Set<String>> changed) {
        this.layout = layout;
        this.extensions = options.extensions();
        this.excludes = new ExcludeGlobs(options.excludeGlobs());
        this.folders = folders;
        this.settle = settle;
        this.changed = changed;
        this.thread = new Thread(this::run, "ova-watch-videos");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching {@code layout}'s library; every folder is registered before this returns.
     *
     * @param settle  how long a changed file must stay the same before it counts as complete
     * @param changed given each report's library-relative paths, on the watcher's thread
     * @throws UncheckedIOException when the file system cannot watch the library
     */
    public static VideoFilesWatcher start(
            LibraryLayout layout, ScanOptions options, Duration settle, Consumer<Set<String>> changed) {
        WatchedFolders service;
        try {
            service = WatchedFolders.on(layout.root());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + layout.root() + " for new videos: " + e.getMessage(), e);
        }
        VideoFilesWatcher started = new VideoFilesWatcher(layout, options, service, settle, changed);
        try {
            started.registerTree(layout.root(), false);
        } catch (IOException | UncheckedIOException e) {
            started.close();
            throw new UncheckedIOException(
                    "cannot watch " + layout.root() + " for new videos: " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        started.thread.start();
        return started;
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = pending.isEmpty() ? folders.take() : folders.poll(LOOK_AGAIN);
                long now = System.nanoTime();
                if (key != null) {
                    take(key, now);
                }
                Set<String> settled = settled(now);
                if (!settled.isEmpty()) {
                    try {
                        changed.accept(settled);
                    } catch (RuntimeException e) {
                        LOG.error("Could not take in the changed videos {}: {}", settled, e.getMessage(), e);
                    }
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the server stops
        }
    }

    /**
     * The pending paths once none of them changed for the settle time (all together: one report for a
     * rename, or for a folder of files copied in), forgetting them; empty while any is still changing.
     */
    private Set<String> settled(long now) {
        boolean quiet = true;
        for (Map.Entry<Path, Look> entry : pending.entrySet()) {
            Look before = entry.getValue();
            Look look = Look.of(entry.getKey(), now);
            if (!look.sameAs(before)) {
                entry.setValue(look);
                quiet = false;
            } else if (now - before.since() < settle.toNanos()) {
                quiet = false;
            }
        }
        if (!quiet || pending.isEmpty()) {
            return Set.of();
        }
        Set<String> paths = new TreeSet<>();
        for (Iterator<Path> it = pending.keySet().iterator(); it.hasNext(); ) {
            paths.add(layout.relativize(it.next()));
            it.remove();
        }
        return paths;
    }

    /** Takes {@code key}'s events: video files and folders become pending, new folders are watched. */
    private void take(WatchKey key, long now) {
        Optional<Path> folder = folders.folderOf(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || folder.isEmpty()) {
                // events were lost: the library's root stands for "look at everything"
                pending.put(layout.root(), Look.of(layout.root(), now));
                continue;
            }
            Path path = folder.get().resolve((Path) event.context());
            if (skipped(path)) {
                continue;
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    registerTree(path, true);
                } catch (IOException | UncheckedIOException e) {
                    LOG.warn("Cannot watch {} for new videos: {}", path, e.getMessage());
                }
            } else if (isVideo(path) || (event.kind() == ENTRY_DELETE && !hasExtension(path))) {
                // a deleted name without an extension may have been a folder of videos
                pending.put(path, Look.of(path, now));
            }
        }
        folders.reset(key);
    }

    /** Watches {@code top} and the folders below it; with {@code found}, their videos become pending. */
    private void registerTree(Path top, boolean found) throws IOException {
        long now = System.nanoTime();
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(layout.root()) && skipped(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                folders.register(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (found && isVideo(file) && !skipped(file)) {
                    pending.put(file, Look.of(file, now));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                LOG.warn("Cannot watch {} for new videos: {}", file, e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Hidden names (ova's own folder and temporary files, editors' swap files) and excluded paths. */
    private boolean skipped(Path path) {
        if (!path.startsWith(layout.root()) || path.equals(layout.root())) {
            return false;
        }
        for (Path name : layout.root().relativize(path)) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return excludes.excludes(layout.relativize(path));
    }

    private boolean isVideo(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hasExtension(Path path) {
        return path.getFileName().toString().lastIndexOf('.') > 0;
    }

    @Override
    public void close() {
        try {
            folders.close();
        } catch (IOException e) {
            // closing: nothing more to watch
        }
        thread.interrupt();
    }
}
