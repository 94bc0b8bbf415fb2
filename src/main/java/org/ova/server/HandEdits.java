package org.ova.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.Library;
import org.ova.repo.LibraryLoader;
import org.ova.repo.LibraryVideo;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.yaml.YamlProblem;
import org.ova.server.edit.VideoEditor;
import org.ova.site.LiveSite;
import org.ova.site.SiteResult;

/**
 * Brings a running server up to date with the files a person edits by hand — {@code config.yaml}, the
 * metadata files, the playlists — each time the {@link LibraryWatcher} sees them change: reads them
 * again ({@link LiveConfig}, {@link LibraryLoader#reload}), takes what they say into the library through
 * the {@link VideoEditor} (so a video processed or added meanwhile is kept, and the {@link LiveLibrary}
 * shows it), re-renders the pages whose content changed ({@link LiveSite}) and tells the open pages
 * ({@link SiteEvents}). A broken file keeps the last good state; each new problem is logged once, with its
 * file, line and column.
 */
public final class HandEdits {

    private static final Logger LOG = LogManager.getLogger(HandEdits.class);
    /** How long a burst of saves must be quiet before the reload starts. */
    static final Duration QUIET = Duration.ofMillis(120);

    private final VideoEditor editor;
    private final LiveSite site;
    private final SiteEvents events;
    private final LiveConfig config;
    private final LibraryLoader loader = new LibraryLoader();
    private final Path root;

    private HandEdits(VideoEditor editor, LiveSite site, SiteEvents events) {
        this.editor = editor;
        this.site = site;
        this.events = events;
        Library now = editor.library();
        this.root = now.layout().root();
        this.config = new LiveConfig(now.layout().configFile(), now.config());
    }

    /**
     * Starts watching the hand-edited files of {@code editor}'s library, until the watcher is closed. Right
     * away it reads them once, for what changed since the library was loaded (and to learn the site as it
     * is, so that later refreshes render only what changed).
     */
    public static LibraryWatcher watch(VideoEditor editor, LiveSite site, SiteEvents events) {
        HandEdits edits = new HandEdits(editor, site, events);
        return LibraryWatcher.start(
                editor.library().layout(), QUIET, () -> edits.reload(true), () -> edits.reload(false));
    }

    /**
     * Reads the files again and brings the site and the pages up to date.
     *
     * @param first the first read, right after start: its problems were just reported by the build
     */
    void reload(boolean first) {
        long started = System.nanoTime();
        Library current = editor.library();
        List<YamlProblem> problems = new ArrayList<>();
        OvaConfig settings = config.read(current.config(), problems::add);
        LibraryLoader.Reloaded read = loader.reload(current, settings);
        problems.addAll(read.problems());
        editor.update(latest -> withHandEdits(latest, read.library()));
        report(problems, first);
        List<SiteResult> results = new ArrayList<>();
        boolean rendered = LiveSiteRefresh.refreshLatestOrLog(
                site,
                editor::library,
                Set.of(),
                result -> {
                    results.add(result);
                    events.reloaded(result);
                },
                "the hand edits");
        if (!rendered) {
            return;
        }
        // the first read only learns the site the start-up build rendered: not worth a line on the console
        LOG.log(
                first ? Level.DEBUG : Level.INFO,
                "Read the hand-edited files again: {} site files written, {} removed ({} ms).",
                results.stream().mapToInt(SiteResult::pagesWritten).sum(),
                results.stream().mapToInt(SiteResult::filesDeleted).sum(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * {@code latest} with what the files said when read again ({@code read}): the settings, the playlists and
     * each video's metadata; videos that arrived, left or were processed since the read stay as {@code latest}
     * has them.
     */
    static Library withHandEdits(Library latest, Library read) {
        Map<String, VideoMetadata> metadata =
                read.videos().stream().collect(Collectors.toMap(LibraryVideo::id, LibraryVideo::metadata));
        List<LibraryVideo> videos = latest.videos().stream()
                .map(video -> metadata.containsKey(video.id()) ? video.withMetadata(metadata.get(video.id())) : video)
                .toList();
        return new Library(latest.layout(), read.config(), videos, read.playlists(), latest.duplicates());
    }

    /** Logs the problems that are new since the last read, and hands them all to the pages. */
    private void report(List<YamlProblem> problems, boolean first) {
        List<FileProblem> now = problems.stream()
                .flatMap(problem -> problem.each().stream())
                .map(problem -> FileProblem.of(problem, root))
                .sorted(Comparator.comparing(FileProblem::file)
                        .thenComparingInt(FileProblem::line)
                        .thenComparingInt(FileProblem::column))
                .toList();
        List<FileProblem> before = events.problems();
        if (!first) {
            Set<FileProblem> known = new HashSet<>(before);
            now.stream().filter(problem -> !known.contains(problem)).forEach(problem -> LOG.warn("{}", problem.text()));
            if (now.isEmpty() && !before.isEmpty()) {
                LOG.info("The hand-edited files have no problems any more.");
            }
        }
        events.problems(now);
    }
}
