package org.ova.site;

import java.util.List;

/**
 * A playlist evaluated at build time.
 *
 * @param random true when it is sorted at random, so the browser shuffles it again
 */
public record PlaylistView(
        String id,
        String title,
        String description,
        boolean smart,
        boolean random,
        String url,
        List<VideoView> videos,
        String totalDuration) {

    public PlaylistView {
        videos = List.copyOf(videos);
    }

    public int count() {
        return videos.size();
    }
}
