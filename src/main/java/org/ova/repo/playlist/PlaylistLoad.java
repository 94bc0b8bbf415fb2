package org.ova.repo.playlist;

import java.util.List;
import org.ova.repo.yaml.YamlProblem;

/**
 * Every playlist of a library that could be read, sorted by id, and the problems of those that
 * could not; one broken file never hides the others.
 */
public record PlaylistLoad(List<Playlist> playlists, List<YamlProblem> problems) {

    public PlaylistLoad {
        playlists = List.copyOf(playlists);
        problems = List.copyOf(problems);
    }
}
