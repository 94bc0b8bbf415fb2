package org.ova.repo.playlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ova.repo.LibraryLayout;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.IndexedVideo;

/**
 * Where the paths listed in manual playlists lead now. A path that names a video renamed or moved
 * since (the catalogue remembers former paths) is followed, so the playlist keeps the video, and
 * is reported so the person can update the file: ova never rewrites it. A path that leads nowhere
 * is reported as missing. Used by builds and by {@code ova doctor}; pure.
 */
public final class ManualPlaylistPaths {

    private final Set<String> videos;
    private final Map<String, String> formerPaths;

    /**
     * @param videos      paths of the library's videos now
     * @param formerPaths earlier paths of renamed or moved videos, each to the video's path now
     */
    public ManualPlaylistPaths(Collection<String> videos, Map<String, String> formerPaths) {
        this.videos = Set.copyOf(videos);
        this.formerPaths = Map.copyOf(formerPaths);
    }

    /** The paths of an indexed library. */
    public static ManualPlaylistPaths of(IndexResult index) {
        return new ManualPlaylistPaths(
                index.videos().stream().map(IndexedVideo::path).toList(), index.formerPaths());
    }

    /** {@code load} with moved videos listed under their paths now, and what was found on the way. */
    public PlaylistLoad resolve(PlaylistLoad load) {
        List<Playlist> playlists = new ArrayList<>();
        List<ListedPath> findings = new ArrayList<>(load.findings());
        for (Playlist playlist : load.playlists()) {
            playlists.add(playlist instanceof ManualPlaylist manual ? resolve(manual, findings) : playlist);
        }
        return new PlaylistLoad(playlists, load.problems(), findings);
    }

    private ManualPlaylist resolve(ManualPlaylist playlist, List<ListedPath> findings) {
        String file = LibraryLayout.REPO_DIR + "/playlists/" + playlist.id() + PlaylistReader.SUFFIX;
        List<String> paths = new ArrayList<>(playlist.videos().size());
        Set<String> reported = new LinkedHashSet<>();
        for (String listed : playlist.videos()) {
            if (videos.contains(listed)) {
                paths.add(listed);
                continue;
            }
            Optional<String> now = Optional.ofNullable(formerPaths.get(listed)).filter(videos::contains);
            paths.add(now.orElse(listed));
            if (reported.add(listed)) {
                findings.add(new ListedPath(file, listed, now));
            }
        }
        return new ManualPlaylist(playlist.id(), playlist.title(), playlist.description(), paths);
    }
}
