package org.ova.repo;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
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
import org.ova.repo.playlist.PlaylistLoad;
import org.ova.repo.playlist.PlaylistLoader;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.IndexedVideo;

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
     * @param media what processing knows of each video by id; a new metadata file gets the
     *              container's chapters, and the VR layout falls back to what was detected
     */
    public Library load(
            LibraryLayout layout,
            OvaConfig config,
            IndexResult index,
            Function<String, Optional<MediaFacts>> media,
            BuildReport report) {
        MetadataCache.Loaded loaded = MetadataCache.load(layout.metadataCacheFile());
        loaded.warning().ifPresent(LOG::warn);
        MetadataCache cache = loaded.cache();
        MetadataStore metadataStore = new MetadataStore(cache);
        List<LibraryVideo> videos = index.videos().parallelStream()
                .map(video -> loadVideo(metadataStore, layout, video, media.apply(video.id()), report))
                .toList();
        try {
            cache.saveIfChanged(
                    layout.metadataCacheFile(),
                    videos.stream().map(LibraryVideo::path).collect(Collectors.toSet()));
        } catch (UncheckedIOException e) {
            LOG.warn("Could not save the metadata cache (the next build parses every file again): {}", e.getMessage());
        }
        PlaylistLoad playlists = ManualPlaylistPaths.of(index).resolve(PlaylistLoader.loadAll(layout));
        playlists
                .problems()
                .forEach(problem -> report.problem(BuildPhase.PLAYLISTS, "", problem.messageRelativeTo(layout.root())));
        playlists.findings().forEach(finding -> finding.addTo(report));
        return new Library(layout, config, videos, playlists.playlists(), index.duplicates());
    }

    private static LibraryVideo loadVideo(
            MetadataStore metadataStore,
            LibraryLayout layout,
            IndexedVideo video,
            Optional<MediaFacts> media,
            BuildReport report) {
        MetadataLoad load;
        try {
            load = metadataStore.load(
                    layout, video.path(), media.map(MediaFacts::chapters).orElse(List.of()));
        } catch (UncheckedIOException e) {
            // no file a person wrote is involved: the defaults hide nothing they meant to keep private
            report.problem(BuildPhase.METADATA, video.path(), e.getMessage() + " (using defaults for this build)");
            load = new MetadataLoad(
                    VideoMetadata.defaults(TitleFromFileName.of(video.path())), List.of(), MetadataLoad.Source.FILE);
        }
        String outcome = switch (load.source()) {
            case LAST_GOOD ->
                load.metadata().draft()
                        ? " (held back from the site until fixed)"
                        : " (keeping its last good metadata until fixed)";
            case HELD_BACK -> " (held back from the site until fixed)";
            case FILE, CREATED -> "";
        };
        load.problems()
                .forEach(problem -> report.problem(
                        BuildPhase.METADATA, video.path(), problem.messageRelativeTo(layout.root()) + outcome));
        if (load.created()) {
            LOG.debug("Created metadata file for '{}'.", video.path());
        }
        VideoMetadata metadata = load.metadata();
        VrMode detected = media.map(MediaFacts::detectedVr).orElse(VrMode.FLAT);
        return new LibraryVideo(
                video.id(),
                video.path(),
                video.size(),
                video.added(),
                metadata,
                media,
                GeneratedMedia.NONE,
                effectiveVr(metadata.vr(), detected));
    }

    /** The person's choice for each part, else what was detected. */
    static VrMode effectiveVr(VrMode override, VrMode detected) {
        return new VrMode(
                override.projection() == VrMode.Projection.AUTO ? detected.projection() : override.projection(),
                override.stereo() == VrMode.Stereo.AUTO ? detected.stereo() : override.stereo());
    }
}
