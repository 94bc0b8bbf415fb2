package org.ova.repo;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.metadata.MetadataCache;
import org.ova.repo.metadata.MetadataLoad;
import org.ova.repo.metadata.MetadataStore;
import org.ova.repo.metadata.TitleFromFileName;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;
import org.ova.repo.playlist.ManualPlaylistPaths;
import org.ova.repo.playlist.Playlist;
import org.ova.repo.playlist.PlaylistLoad;
import org.ova.repo.playlist.PlaylistLoader;
import org.ova.repo.playlist.PlaylistReader;
import org.ova.repo.scan.CatalogStore;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.IndexedVideo;
import org.ova.repo.yaml.YamlProblem;

/**
 * Turns an indexed library into the {@link Library} model: each video's metadata (its file created
 * the first time) and the playlists. Problems with single files go into the {@link BuildReport};
 * loading goes on, and a video whose metadata file is broken keeps its last good metadata or is held
 * back from the site (see {@link MetadataStore}).
 */
public final class LibraryLoader {

    private static final Logger LOG = LogManager.getLogger(LibraryLoader.class);

    /**
     * Loads every video's metadata and the playlists into one {@link Library}.
     *
     * @param media what processing knows of each video; a new metadata file gets the
     *              container's chapters, and the VR layout falls back to what was detected
     */
    public Library load(
            LibraryLayout layout,
            OvaConfig config,
            IndexResult index,
            Function<IndexedVideo, Optional<MediaFacts>> media,
            BuildReport report) {
        List<LibraryVideo> videos = loadVideos(layout, index.videos(), media, true, report);
        PlaylistLoad playlists = ManualPlaylistPaths.of(index).resolve(PlaylistLoader.loadAll(layout));
        playlists
                .problems()
                .forEach(problem -> report.problem(BuildPhase.PLAYLISTS, "", problem.messageRelativeTo(layout.root())));
        playlists.findings().forEach(finding -> finding.addTo(report));
        return new Library(layout, config, videos, playlists.playlists(), index.duplicates());
    }

    /**
     * Loads the metadata of {@code indexed} (each file created the first time).
     *
     * @param media     what processing knows of each video, as for {@link #load}
     * @param saveCache whether the parsed files are remembered for the next build; not by a shard, which
     *     reads a part of the library while other shards read theirs
     */
    public List<LibraryVideo> loadVideos(
            LibraryLayout layout,
            List<IndexedVideo> indexed,
            Function<IndexedVideo, Optional<MediaFacts>> media,
            boolean saveCache,
            BuildReport report) {
        MetadataCache cache = openCache(layout);
        MetadataStore metadataStore = new MetadataStore(cache);
        List<LibraryVideo> videos = indexed.parallelStream()
                .map(video -> {
                    Optional<MediaFacts> facts = media.apply(video);
                    VideoMetadata metadata = reported(layout, video.path(), metadataStore, facts, report);
                    VrMode detected = facts.map(MediaFacts::detectedVr).orElse(VrMode.FLAT);
                    return new LibraryVideo(
                            video.id(),
                            video.path(),
                            video.size(),
                            video.added(),
                            metadata,
                            facts,
                            GeneratedMedia.NONE,
                            effectiveVr(metadata.vr(), detected));
                })
                .toList();
        if (saveCache) {
            saveCache(cache, layout, videos);
        }
        return videos;
    }

    /**
     * What {@link #reload} read: the library, and the problems of the files a person wrote, each at its
     * position, saying what stands in for the broken file until it is fixed.
     */
    public record Reloaded(Library library, List<YamlProblem> problems) {
        public Reloaded {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads again, for the videos {@code current} holds, what a person edits by hand while ova serves:
     * each video's metadata file and the playlists, as {@link #load} reads them (unchanged files from the
     * metadata cache, a broken metadata file keeping its video's last good metadata). A broken playlist
     * file keeps the playlist {@code current} has under its name. The videos, their media facts and
     * generated media stay as they are: there is no scan here (a server that takes in new and moved video
     * files scans first and gives the videos it found, their metadata still to be read).
     *
     * @param config the settings to give the library (read again by the caller)
     */
    public Reloaded reload(Library current, OvaConfig config) {
        LibraryLayout layout = current.layout();
        MetadataCache cache = openCache(layout);
        MetadataStore metadataStore = new MetadataStore(cache);
        List<YamlProblem> problems = new CopyOnWriteArrayList<>();
        List<LibraryVideo> videos = current.videos().parallelStream()
                .map(video -> {
                    MetadataLoad load;
                    try {
                        load = loadMetadata(metadataStore, layout, video.path(), video.media());
                    } catch (UncheckedIOException e) {
                        problems.add(new YamlProblem(
                                layout.metadataFile(video.path()),
                                1,
                                1,
                                e.getMessage() + " (keeping its metadata)",
                                e));
                        return video;
                    }
                    String outcome = outcome(load);
                    load.problems().stream()
                            .flatMap(problem -> problem.each().stream())
                            .map(problem -> new YamlProblem(
                                    problem.file(), problem.line(), problem.column(), problem.reason() + outcome))
                            .forEach(problems::add);
                    return video.withMetadata(load.metadata());
                })
                .toList();
        saveCache(cache, layout, videos);
        ManualPlaylistPaths paths = new ManualPlaylistPaths(
                videos.stream().map(LibraryVideo::path).toList(),
                new CatalogStore().load(layout.catalogFile()).catalog().formerPaths());
        PlaylistLoad playlists = paths.resolve(PlaylistLoader.loadAll(layout));
        List<Playlist> kept = new ArrayList<>(playlists.playlists());
        for (YamlProblem problem : playlists.problems()) {
            Optional<Playlist> lastGood = current.playlists().stream()
                    .filter(playlist ->
                            problem.file().equals(layout.playlistsDir().resolve(playlist.id() + PlaylistReader.SUFFIX)))
                    .filter(playlist -> kept.stream().noneMatch(p -> p.id().equals(playlist.id())))
                    .findFirst();
            lastGood.ifPresent(kept::add);
            String outcome = lastGood.isPresent() ? " (keeping the playlist as it was until fixed)" : "";
            problem.each()
                    .forEach(each -> problems.add(
                            new YamlProblem(each.file(), each.line(), each.column(), each.reason() + outcome)));
        }
        kept.sort(Comparator.comparing(Playlist::id));
        return new Reloaded(new Library(layout, config, videos, kept, current.duplicates()), problems);
    }

    private static MetadataCache openCache(LibraryLayout layout) {
        MetadataCache.Loaded loaded = MetadataCache.load(layout.metadataCacheFile());
        loaded.warning().ifPresent(LOG::warn);
        return loaded.cache();
    }

    private static void saveCache(MetadataCache cache, LibraryLayout layout, List<LibraryVideo> videos) {
        try {
            cache.saveIfChanged(
                    layout.metadataCacheFile(),
                    videos.stream().map(LibraryVideo::path).collect(Collectors.toSet()));
        } catch (UncheckedIOException e) {
            LOG.warn("Could not save the metadata cache (the next build parses every file again): {}", e.getMessage());
        }
    }

    /** @throws UncheckedIOException when the file is missing and cannot be created */
    private static MetadataLoad loadMetadata(
            MetadataStore metadataStore, LibraryLayout layout, String path, Optional<MediaFacts> media) {
        MetadataLoad load =
                metadataStore.load(layout, path, media.map(MediaFacts::chapters).orElse(List.of()));
        if (load.created()) {
            LOG.debug("Created metadata file for '{}'.", path);
        }
        return load;
    }

    /** The video's metadata for a build, its problems added to {@code report}. */
    private static VideoMetadata reported(
            LibraryLayout layout,
            String path,
            MetadataStore metadataStore,
            Optional<MediaFacts> media,
            BuildReport report) {
        MetadataLoad load;
        try {
            load = loadMetadata(metadataStore, layout, path, media);
        } catch (UncheckedIOException e) {
            // no file a person wrote is involved: the defaults hide nothing they meant to keep private
            report.problem(BuildPhase.METADATA, path, e.getMessage() + " (using defaults for this build)");
            return VideoMetadata.defaults(TitleFromFileName.of(path));
        }
        String outcome = outcome(load);
        load.problems()
                .forEach(problem ->
                        report.problem(BuildPhase.METADATA, path, problem.messageRelativeTo(layout.root()) + outcome));
        return load.metadata();
    }

    /** What stands in for a broken file, as the end of its problem's message. */
    private static String outcome(MetadataLoad load) {
        return switch (load.source()) {
            case LAST_GOOD ->
                load.metadata().draft()
                        ? " (held back from the site until fixed)"
                        : " (keeping its last good metadata until fixed)";
            case HELD_BACK -> " (held back from the site until fixed)";
            case FILE, CREATED -> "";
        };
    }

    /** The person's choice for each part, else what was detected. */
    static VrMode effectiveVr(VrMode override, VrMode detected) {
        return new VrMode(
                override.projection() == VrMode.Projection.AUTO ? detected.projection() : override.projection(),
                override.stereo() == VrMode.Stereo.AUTO ? detected.stereo() : override.stereo());
    }
}
