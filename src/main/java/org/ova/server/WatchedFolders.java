package org.ova.server;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The folders one watcher thread watches for files created, changed and deleted, on one {@link WatchService}:
 * registers them, tells the folder of each key, and forgets a folder once it is gone. What
 * {@link LibraryWatcher} and {@link VideoFilesWatcher} share; each decides which events count.
 */
final class WatchedFolders implements AutoCloseable {

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();

    private WatchedFolders(WatchService service) {
        this.service = service;
    }

    /** @throws IOException when the file system holding {@code root} cannot watch folders */
    static WatchedFolders on(Path root) throws IOException {
        return new WatchedFolders(root.getFileSystem().newWatchService());
    }

    void register(Path folder) throws IOException {
        folders.put(folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), folder);
    }

    /**
     * The next key with events, waiting for one.
     *
     * @throws java.nio.file.ClosedWatchServiceException once closed
     */
    WatchKey take() throws InterruptedException {
        return service.take();
    }

    /** The next key with events within {@code wait}; null when none came. */
    WatchKey poll(Duration wait) throws InterruptedException {
        return service.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The folder {@code key} watches; empty when unknown (its events cannot be placed: look at everything). */
    Optional<Path> folderOf(WatchKey key) {
        return Optional.ofNullable(folders.get(key));
    }

    /** Readies {@code key} for its next events, after they were taken; forgets its folder when it is gone. */
    void reset(WatchKey key) {
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
