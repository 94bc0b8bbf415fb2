package org.ova.server;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.media.jobs.ProcessingService;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryLoader;
import org.ova.repo.LibraryVideo;
import org.ova.repo.scan.Duplicate;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.LibraryIndexer;
import org.ova.repo.scan.ScanOptions;
import org.ova.server.edit.VideoEditor;
import org.ova.server.upload.VideoIntake;
import org.ova.site.LiveSite;

/**
 * Takes video files that were added, replaced, moved or deleted while ova serves into the served library,
 * as {@code ova build} would: scans and indexes the library again ({@link LibraryIndexer}: the catalogue's
 * ids, a moved or renamed file recognised by its content so that it keeps its id, metadata and media), reads
 * the metadata of the new videos as {@link LibraryLoader} reads it (creating the file, or honouring the draft
 * an upload wrote first), then changes the library through the {@link VideoEditor}, so that an edit or a
 * processing result applied meanwhile is kept ({@link VideoFileDiff}). Gone videos lose their jobs, media and
 * processing state; the site is refreshed, open pages hear {@code reload}, and new or replaced videos are
 * queued for processing (without a processing service they show placeholders).
 *
 * <p>One scan at a time: the watcher's reports and the upload API's calls wait for each other, and a report
 * of a file the library already holds changes nothing.
 */
public final class VideoFileChanges implements VideoIntake {

    private static final Logger LOG = LogManager.getLogger(VideoFileChanges.class);

    private final VideoEditor editor;
    private final LiveSite site;
    private final SiteEvents events;
    private final Optional<ProcessingService> processing;
    private final LibraryLoader loader = new LibraryLoader();

    /** @param processing processes new videos and forgets gone ones; without it they show placeholders */
    public VideoFileChanges(
            VideoEditor editor, LiveSite site, SiteEvents events, Optional<ProcessingService> processing) {
        this.editor = editor;
        this.site = site;
        this.events = events;
        this.processing = processing;
    }

    /** What the {@link VideoFilesWatcher} reports: the library is scanned again. */
    public void changed(Set<String> paths) {
        LOG.debug("Video files changed: {}", paths);
        rescan();
    }

    /**
     * Takes the video just placed at {@code relativePath} (an upload) into the served library, unless the
     * watcher did already.
     *
     * @return its id, once the served library holds it
     * @throws IllegalArgumentException when the scan does not take the file as a video (the message says why)
     */
    @Override
    public synchronized String added(String relativePath) {
        Optional<String> known = idAt(relativePath);
        if (known.isPresent()) {
            return known.get();
        }
        IndexResult index = rescan();
        return idAt(relativePath).orElseThrow(() -> notTaken(relativePath, index));
    }

    /**
     * Forgets the video whose file at {@code relativePath} was deleted (a cancelled upload), unless the watcher
     * did already.
     */
    @Override
    public synchronized void removed(String relativePath) {
        if (idAt(relativePath).isPresent()) {
            rescan();
        }
    }

    /** Scans the library again and takes in what changed; the scan's result. */
    private synchronized IndexResult rescan() {
        long started = System.nanoTime();
        Library before = editor.library();
        LibraryLayout layout = before.layout();
        IndexResult index = new LibraryIndexer(ScanOptions.from(before.config().library())).index(layout);
        VideoFileDiff diff = VideoFileDiff.of(before, index);
        if (diff.none() && index.duplicates().equals(before.duplicates())) {
            return index;
        }
        newDuplicates(before, index);
        // metadata files are read (new ones created) before the change: it only computes
        LibraryLoader.Reloaded read = loader.reload(diff.unread(before, index), before.config());
        Set<String> arrivedFiles = new HashSet<>();
        diff.arrived()
                .forEach(video ->
                        arrivedFiles.add(layout.metadataFile(video.path()).toString()));
        read.problems().stream()
                .filter(problem -> arrivedFiles.contains(problem.file().toString()))
                .forEach(problem -> LOG.warn("{}", problem.messageRelativeTo(layout.root())));
        editor.update(latest -> diff.applyTo(latest, index, read.library()));
        diff.lines(before).forEach(LOG::info);
        processing.ifPresent(service -> {
            diff.gone().forEach(video -> service.cancel(video.id()));
            if (!diff.gone().isEmpty()) {
                service.removeGone(index.knownIds());
            }
        });
        // queued before the render: processing starts meanwhile (a result that comes first is rendered too)
        processing.ifPresent(service -> diff.arrived().forEach(video -> service.submit(video.id())));
        LiveSiteRefresh.refreshLatestOrLog(site, editor::library, Set.of(), events::reloaded, "video files changed");
        LOG.debug(
                "Took in the changed video files in {} ms.",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return index;
    }

    private void newDuplicates(Library before, IndexResult index) {
        index.duplicates().stream()
                .filter(duplicate -> !before.duplicates().contains(duplicate))
                .forEach(duplicate -> LOG.warn(
                        "'{}' has the same content as '{}'; listed once.", duplicate.path(), duplicate.duplicateOf()));
    }

    private Optional<String> idAt(String relativePath) {
        return editor.library().videos().stream()
                .filter(video -> video.path().equals(relativePath))
                .map(LibraryVideo::id)
                .findFirst();
    }

    private IllegalArgumentException notTaken(String relativePath, IndexResult index) {
        Optional<Duplicate> duplicate = index.duplicates().stream()
                .filter(d -> d.path().equals(relativePath))
                .findFirst();
        if (duplicate.isPresent()) {
            return new IllegalArgumentException("'" + relativePath + "' has the same content as '"
                    + duplicate.get().duplicateOf() + "', which the library lists already");
        }
        LibraryLayout layout = editor.library().layout();
        if (!Files.exists(layout.root().resolve(relativePath))) {
            return new IllegalArgumentException("'" + relativePath + "' is not in the library (it was removed)");
        }
        String why = index.warnings().stream()
                .filter(warning -> warning.contains(relativePath))
                .findFirst()
                .orElse("its extension is not one of library.extensions, or it is hidden or excluded"
                        + " (library.exclude in .ova-repo/config.yaml)");
        return new IllegalArgumentException("'" + relativePath + "' is not a video the library takes in: " + why);
    }
}
