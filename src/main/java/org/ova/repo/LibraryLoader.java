package org.ova.repo;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.config.OvaConfig;
import java.util.stream.Collectors;
import org.ova.repo.metadata.MetadataCache;
import org.ova.repo.metadata.MetadataLoad;
import org.ova.repo.metadata.MetadataStore;
import org.ova.repo.metadata.TitleFromFileName;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;
import org.ova.repo.playlist.PlaylistLoad;
import org.ova.repo.playlist.PlaylistLoader;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.IndexedVideo;

/**
 * Turns an indexed library into the {@link Library} model: each video's metadata (its file created
 * the first time) and the playlists. Problems with single files go into the {@link BuildReport};
 * the affected video falls back to defaults and loading goes on.
 */
public final class LibraryLoader {

    private static final Logger LOG = LogManager.getLogger(LibraryLoader.class);

    public Library load(LibraryLayout layout, OvaConfig config, IndexResult index, BuildReport report) {
        MetadataCache cache = MetadataCache.load(layout.metadataCacheFile());
        MetadataStore metadataStore = new MetadataStore(cache);
        List<LibraryVideo> videos = index.videos().parallelStream()
                .map(video -> loadVideo(metadataStore, layout, video, report))
                .toList();
        try {
            cache.saveIfChanged(layout.metadataCacheFile(),
                    videos.stream().map(LibraryVideo::path).collect(Collectors.toSet()));
        } catch (UncheckedIOException e) {
            LOG.warn("Could not save the metadata cache (the next build parses every file again): {}", e.getMessage());
        }
        PlaylistLoad playlists = PlaylistLoader.loadAll(layout);
        playlists.problems().forEach(problem -> report.problem("playlists", "",
                problem.messageRelativeTo(layout.root())));
        return new Library(layout, config, videos, playlists.playlists(), index.duplicates());
    }

    private static LibraryVideo loadVideo(MetadataStore metadataStore, LibraryLayout layout, IndexedVideo video,
                                          BuildReport report) {
        MetadataLoad load;
        try {
            load = metadataStore.load(layout, video.path(), List.of());
        } catch (UncheckedIOException e) {
            report.problem("metadata", video.path(), e.getMessage() + " (using defaults for this build)");
            load = new MetadataLoad(VideoMetadata.defaults(TitleFromFileName.of(video.path())), Optional.empty(), false);
        }
        load.problem().ifPresent(problem -> report.problem("metadata", video.path(),
                problem.messageRelativeTo(layout.root()) + " (using defaults for this build)"));
        if (load.created()) {
            LOG.debug("Created metadata file for '{}'.", video.path());
        }
        VideoMetadata metadata = load.metadata();
        return new LibraryVideo(video.id(), video.path(), video.size(), video.added(), metadata,
                OptionalDouble.empty(), effectiveVr(metadata.vr()));
    }

    /** Until media detection runs, AUTO parts count as flat and mono. */
    private static VrMode effectiveVr(VrMode override) {
        return new VrMode(
                override.projection() == VrMode.Projection.AUTO ? VrMode.Projection.FLAT : override.projection(),
                override.stereo() == VrMode.Stereo.AUTO ? VrMode.Stereo.MONO : override.stereo());
    }
}
