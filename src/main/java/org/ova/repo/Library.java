package org.ova.repo;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.playlist.Playlist;
import org.ova.repo.scan.Duplicate;

/**
 * The whole library as loaded for one build: its videos with their metadata, its playlists, and
 * the duplicates found. Drafts are included here; the site leaves them out.
 */
public record Library(
        LibraryLayout layout,
        OvaConfig config,
        List<LibraryVideo> videos,
        List<Playlist> playlists,
        List<Duplicate> duplicates) {

    public Library {
        videos = List.copyOf(videos);
        playlists = List.copyOf(playlists);
        duplicates = List.copyOf(duplicates);
    }

    /** The library with video {@code id} changed by {@code change} (the others kept as they are). */
    public Library withVideo(String id, UnaryOperator<LibraryVideo> change) {
        return new Library(
                layout,
                config,
                videos.stream()
                        .map(video -> video.id().equals(id) ? change.apply(video) : video)
                        .toList(),
                playlists,
                duplicates);
    }

    /** The library with each video's generated media as {@code generated} says now (after processing). */
    public Library withGenerated(Function<LibraryVideo, GeneratedMedia> generated) {
        return new Library(
                layout,
                config,
                videos.stream()
                        .map(video -> video.withGenerated(generated.apply(video)))
                        .toList(),
                playlists,
                duplicates);
    }
}
