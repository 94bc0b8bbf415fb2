package org.ova.repo.playlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ova.repo.LibraryVideo;

/**
 * Turns a playlist into its videos for one build. Pure: the same playlist, library, time and seed
 * always give the same list. Drafts never appear in any playlist.
 */
public final class PlaylistEvaluator {

    private PlaylistEvaluator() {}

    /**
     * The videos of {@code playlist}: a smart playlist's matching videos, sorted (ties by path) and
     * cut to its limit; a manual list's videos in its order, skipping paths not in the library
     * (see {@link ManualPlaylistPaths} for videos moved since the list was written).
     *
     * @param now        the build time, for {@code addedWithin}
     * @param randomSeed seeds {@code sort: random}, so a build can be reproduced
     */
    public static List<LibraryVideo> evaluate(
            Playlist playlist, List<LibraryVideo> library, Instant now, long randomSeed) {
        if (playlist instanceof SmartPlaylist smart) {
            return smart(smart, library, now, randomSeed);
        }
        return manual((ManualPlaylist) playlist, library);
    }

    private static List<LibraryVideo> smart(
            SmartPlaylist playlist, List<LibraryVideo> library, Instant now, long seed) {
        List<LibraryVideo> videos = new ArrayList<>();
        for (LibraryVideo video : library) {
            if (!video.metadata().draft() && playlist.rules().matches(video, now)) {
                videos.add(video);
            }
        }
        videos.sort(VideoOrder.of(playlist.sort(), seed));
        int limit = playlist.limit().orElse(Integer.MAX_VALUE);
        return List.copyOf(videos.size() > limit ? videos.subList(0, limit) : videos);
    }

    private static List<LibraryVideo> manual(ManualPlaylist playlist, List<LibraryVideo> library) {
        Map<String, LibraryVideo> byPath = byPath(library);
        List<LibraryVideo> videos = new ArrayList<>();
        for (String path : playlist.videos()) {
            LibraryVideo video = byPath.get(path);
            if (video != null && !video.metadata().draft()) {
                videos.add(video);
            }
        }
        return List.copyOf(videos);
    }

    private static Map<String, LibraryVideo> byPath(List<LibraryVideo> library) {
        Map<String, LibraryVideo> byPath = new HashMap<>();
        for (LibraryVideo video : library) {
            byPath.putIfAbsent(video.path(), video);
        }
        return byPath;
    }
}
