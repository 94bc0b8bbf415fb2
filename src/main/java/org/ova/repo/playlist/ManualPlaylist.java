package org.ova.repo.playlist;

import java.util.List;

/**
 * A playlist of videos a person picked, in their order.
 *
 * @param videos relative paths (forward slashes) in the order written; may name videos that are gone
 */
public record ManualPlaylist(String id, String title, String description, List<String> videos) implements Playlist {

    public ManualPlaylist {
        videos = List.copyOf(videos);
    }
}
