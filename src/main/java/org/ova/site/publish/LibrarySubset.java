package org.ova.site.publish;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.playlist.Playlist;
import org.ova.repo.playlist.PlaylistEvaluator;

/**
 * The part of a library a published copy holds: never its drafts, and with a {@link PublishOptions.Subset}
 * only the videos it names, with the playlists that still hold some of them. Pure.
 */
public final class LibrarySubset {

    /** How many known names an error lists. */
    private static final int LISTED = 20;

    private LibrarySubset() {}

    /**
     * The part of {@code library} a publish keeps: no drafts, and only the asked-for videos.
     *
     * @param now the build time, for playlists' {@code addedWithin} rules
     * @throws PublishException when the subset names a tag, playlist or folder the library does not have
     */
    public static Library of(Library library, PublishOptions.Subset subset, Instant now) {
        List<LibraryVideo> published = library.videos().stream()
                .filter(video -> !video.metadata().draft())
                .toList();
        if (!subset.isAll()) {
            Set<String> chosen = chosenIds(library, published, subset, now);
            published = published.stream()
                    .filter(video -> chosen.contains(video.id()))
                    .toList();
        }
        List<LibraryVideo> videos = published;
        List<Playlist> playlists = library.playlists().stream()
                .filter(playlist ->
                        subset.isAll() || !evaluate(playlist, videos, now).isEmpty())
                .toList();
        return new Library(library.layout(), library.config(), videos, playlists, library.duplicates());
    }

    private static Set<String> chosenIds(
            Library library, List<LibraryVideo> candidates, PublishOptions.Subset subset, Instant now) {
        Set<String> chosen = new HashSet<>();
        Set<String> allTags = new TreeSet<>();
        Set<String> allFolders = new TreeSet<>();
        for (LibraryVideo video : candidates) {
            allTags.addAll(video.metadata().tags());
            for (String folder = video.folder(); !folder.isEmpty(); folder = parent(folder)) {
                allFolders.add(folder);
            }
            if (video.metadata().tags().stream().anyMatch(subset.tags()::contains)
                    || subset.folders().stream().anyMatch(folder -> inFolder(video, folder))) {
                chosen.add(video.id());
            }
        }
        Map<String, Playlist> playlists =
                library.playlists().stream().collect(Collectors.toMap(Playlist::id, Function.identity()));
        requireKnown("tag", subset.tags(), allTags);
        requireKnown("playlist", subset.playlists(), new TreeSet<>(playlists.keySet()));
        requireKnown(
                "folder",
                subset.folders().stream().map(LibrarySubset::trimSlashes).collect(Collectors.toSet()),
                allFolders);
        for (String id : subset.playlists()) {
            evaluate(playlists.get(id), candidates, now).forEach(video -> chosen.add(video.id()));
        }
        return chosen;
    }

    private static List<LibraryVideo> evaluate(Playlist playlist, List<LibraryVideo> videos, Instant now) {
        // the seed the site renders the playlist with, so a random playlist holds the same videos
        return PlaylistEvaluator.evaluate(playlist, videos, now, playlist.id().hashCode());
    }

    private static boolean inFolder(LibraryVideo video, String folder) {
        String trimmed = trimSlashes(folder);
        return video.path().startsWith(trimmed + "/");
    }

    private static String trimSlashes(String folder) {
        return folder.replace('\\', '/').replaceAll("^/+|/+$", "");
    }

    private static String parent(String folder) {
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? "" : folder.substring(0, slash);
    }

    private static void requireKnown(String what, Set<String> asked, Set<String> known) {
        for (String name : asked) {
            if (!known.contains(name)) {
                String some = known.stream().limit(LISTED).collect(Collectors.joining(", "))
                        + (known.size() > LISTED ? ", …" : "");
                throw new PublishException("the library has no " + what + " '" + name + "'"
                        + (known.isEmpty() ? "" : "; it has: " + some));
            }
        }
    }
}
