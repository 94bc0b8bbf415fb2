package org.ova.repo.playlist;

import java.util.Comparator;
import org.ova.repo.LibraryVideo;

/**
 * The order of a smart playlist's videos for each sort key. The path breaks every tie, so the order
 * never depends on the order videos were found in.
 */
final class VideoOrder {

    private VideoOrder() {}

    static Comparator<LibraryVideo> of(PlaylistSort sort, long seed) {
        Comparator<LibraryVideo> byPath = Comparator.comparing(LibraryVideo::path);
        Comparator<LibraryVideo> primary = switch (sort.key()) {
            case ADDED -> Comparator.comparing(LibraryVideo::added);
            case TITLE -> Comparator.comparing(v -> v.metadata().title(), String.CASE_INSENSITIVE_ORDER);
            case RATING -> Comparator.comparingInt(v -> v.metadata().rating());
            case PATH -> byPath;
            case DURATION -> Comparator.comparingDouble(v -> v.duration().orElse(0));
            case RANDOM -> Comparator.comparingLong(v -> shuffleKey(v.path(), seed));
        };
        if (sort.descending()) {
            primary = primary.reversed();
        }
        if (sort.key() == PlaylistSort.Key.DURATION) {
            // unknown durations go last whichever way the list runs
            primary = Comparator.<LibraryVideo, Boolean>comparing(
                            v -> v.duration().isEmpty())
                    .thenComparing(primary);
        }
        return primary.thenComparing(byPath);
    }

    // a per-video hash rather than a shuffle: adding one video does not reorder all the others
    static long shuffleKey(String path, long seed) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < path.length(); i++) {
            hash = (hash ^ path.charAt(i)) * 0x100000001b3L;
        }
        return mix(hash + mix(seed));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
