package org.ova.site;

import java.util.List;

/** One tag with its videos, newest first. */
public record TagView(String name, String slug, String url, List<VideoView> videos) {

    public TagView {
        videos = List.copyOf(videos);
    }

    public int count() {
        return videos.size();
    }
}
