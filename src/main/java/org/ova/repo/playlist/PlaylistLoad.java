package org.ova.repo.playlist;

import java.util.List;
import org.ova.repo.yaml.YamlProblem;

/**
 * Every playlist of a library that could be read, sorted by id, and the problems of those that
 * could not; one broken file never hides the others.
 *
 * @param findings listed paths that are not a video's path now, once checked against the library
 *                 ({@link ManualPlaylistPaths#resolve})
 */
public record PlaylistLoad(List<Playlist> playlists, List<YamlProblem> problems, List<ListedPath> findings) {

    public PlaylistLoad {
        playlists = List.copyOf(playlists);
        problems = List.copyOf(problems);
        findings = List.copyOf(findings);
    }

    /** Playlists as read, not yet checked against the library. */
    public PlaylistLoad(List<Playlist> playlists, List<YamlProblem> problems) {
        this(playlists, problems, List.of());
    }
}
