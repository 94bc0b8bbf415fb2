package org.ova.repo.playlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ova.repo.LibraryVideo;

/**
 * Turns a playlist into its videos for one build. Pure: the same playlist, library, time and seed
 * always give the same list. Drafts never appear in any playlist.
 */
public final class PlaylistEvaluator {

    private PlaylistEvaluator() {
    }

    /**
     * The videos of {@code playlist}: a smart playlist's matching videos, sorted (ties by path) and
     * cut to its limit; a manual list's videos in its order, skipping paths not in the library.
     *
     * @param now        the build time, for {@code addedWithin}
     * @param randomSeed seeds {@code sort: random}, so a build can be reproduced
     */
    public static List<LibraryVideo> evaluate(Playlist playlist, List<LibraryVideo> library, Instant now,
            long randomSeed) {
        if (playlist instanceof SmartPlaylist smart) {
            return smart(smart, library, now, randomSeed);
        }
        return manual((ManualPlaylist) playlist, library);
    }

    /** The paths of a manual list that name no video of the library, each once, in the list's order. */
    public static List<String> missingVideos(ManualPlaylist playlist, List<LibraryVideo> library) {
        Map<String, LibraryVideo> byPath = byPath(library);
        Set<String> missing = new LinkedHashSet<>();
        for (String path : playlist.videos()) {
            if (!byPath.containsKey(path)) {
                missing.add(path);
            }
        }
        return List.copyOf(missing);
    }

    private static List<LibraryVideo> smart(SmartPlaylist playlist, List<LibraryVideo> library, Instant now,
            long seed) {
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
