package org.ova.server;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.LibraryLayout;
import org.xnio.IoUtils;

/**
 * Watches the files of a library a person edits by hand — {@code .ova-repo/config.yaml}, the metadata
 * files (in folders that mirror the library's, registered as they appear) and the playlists — on one
 * thread, and runs {@code changed} once a burst of changes has been quiet for a moment: an editor's
 * save (a backup, a test file, the file itself) or a script rewriting many files costs one reload, and
 * a steady stream of changes still reloads once a second. Only {@code *.yaml} and {@code *.yml} files
 * count; hidden files (ova's own temporary files, vim's {@code .swp}), backups ({@code ~}), vim's
 * {@code 4913} probe and other files are ignored.
 */
public final class LibraryWatcher implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(LibraryWatcher.class);
    /** A steady stream of changes still reloads this often. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final LibraryLayout layout;
    private final WatchedFolders folders;
    private final Duration quiet;
    private final Runnable changed;

    private final Thread thread;

    private LibraryWatcher(
            LibraryLayout layout, WatchedFolders folders, Duration quiet, Runnable atStart, Runnable changed) {
        this.layout = layout;
        this.folders = folders;
        this.quiet = quiet;
        this.changed = changed;
        this.thread = new Thread(() -> run(atStart), "ova-watch");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching; every folder is registered before this returns, so no later change is missed.
     *
     * @param atStart run first on the watcher's thread, for what changed before the watch began
     * @param changed run on the watcher's thread after each quiet burst of changes
     * @throws UncheckedIOException when the file system cannot watch the folders
     */
    public static LibraryWatcher start(LibraryLayout layout, Duration quiet, Runnable atStart, Runnable changed) {
        WatchedFolders folders = null;
        LibraryWatcher started;
        try {
            folders = WatchedFolders.on(layout.root());
            started = new LibraryWatcher(layout, folders, quiet, atStart, changed);
            started.register(layout.repoDir());
            started.registerTree(layout.metadataDir());
            started.register(layout.playlistsDir());
        } catch (IOException e) {
            IoUtils.safeClose(folders);
            throw new UncheckedIOException(
                    "cannot watch " + layout.repoDir() + " for hand edits: " + e.getMessage(), e);
        }
        started.thread.start();
        return started;
    }

    private void run(Runnable atStart) {
        try {
            safely(atStart);
            while (true) {
                if (!relevant(folders.take())) {
                    continue;
                }
                long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
                WatchKey next;
                while (System.nanoTime() < deadline && (next = folders.poll(quiet)) != null) {
                    relevant(next);
                }
                safely(changed);
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the server stops
        }
    }

    /** Runs {@code work}; a failure is logged, and the watch goes on. */
    private static void safely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("Could not bring the site up to date with the hand edits: {}", e.getMessage(), e);
        }
    }

    /** Takes the events of {@code key}, registering new folders; whether any of them counts. */
    private boolean relevant(WatchKey key) {
        Optional<Path> watched = folders.folderOf(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || watched.isEmpty()) {
                relevant = true;
                continue;
            }
            Path folder = watched.get();
            Path file = folder.resolve((Path) event.context());
            String name = file.getFileName().toString();
            if (folder.equals(layout.repoDir())) {
                relevant |= name.equals(layout.configFile().getFileName().toString())
                        || newFolder(event, file, layout.metadataDir())
                        || newFolder(event, file, layout.playlistsDir());
            } else if (!name.startsWith(".")) {
                relevant |= name.endsWith(".yaml")
                        || name.endsWith(".yml")
                        || (folder.startsWith(layout.metadataDir()) && newFolder(event, file, file));
            }
        }
        folders.reset(key);
        return relevant;
    }

    /** Whether {@code file} is {@code wanted}, just created as a folder (then watched, with its sub-folders). */
    private boolean newFolder(WatchEvent<?> event, Path file, Path wanted) {
        if (event.kind() != ENTRY_CREATE || !file.equals(wanted) || !Files.isDirectory(file)) {
            return false;
        }
        try {
            registerTree(file);
        } catch (IOException e) {
            LOG.warn("Cannot watch {} for hand edits: {}", file, e.getMessage());
        }
        return true;
    }

    private void registerTree(Path top) throws IOException {
        if (!Files.isDirectory(top)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(top)) {
            for (Path folder : (Iterable<Path>) tree.filter(Files::isDirectory)::iterator) {
                register(folder);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void register(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            folders.register(folder);
        }
    }

    /** Stops watching and waits for a reload under way to finish. */
    @Override
    public void close() {
        try {
            folders.close();
        } catch (IOException e) {
            LOG.debug("Closing the watcher: {}", e.getMessage());
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the watcher's thread still runs (tests). */
    boolean running() {
        return thread.isAlive();
    }
}
