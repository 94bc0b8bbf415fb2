package org.ova.site;

import java.util.List;

/**
 * One folder of the library that holds visible videos, directly or below it.
 *
 * @param path     relative to the library root, forward slashes
 * @param depth    0 for top-level folders
 * @param videos   the videos directly in it, newest first
 * @param total    videos in it and all folders below it
 * @param children the folders directly below it, by name
 */
public record FolderView(
        String path,
        String name,
        String slug,
        String url,
        int depth,
        List<VideoView> videos,
        int total,
        List<FolderLink> children) {

    public FolderView {
        videos = List.copyOf(videos);
        children = List.copyOf(children);
    }

    /**
     * This folder with no videos: what its pages show of it besides their slice of its videos, so that
     * a page stays the same when a video on another page of the folder changes.
     */
    public FolderView withoutVideos() {
        return new FolderView(path, name, slug, url, depth, List.of(), total, children);
    }

    /** A link to a folder page. */
    public record FolderLink(String name, String url, int total) {}
}
