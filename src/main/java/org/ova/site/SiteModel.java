package org.ova.site;

import java.util.List;
import java.util.Map;

/**
 * Everything the site shows, computed once per build from the library: the visible videos (no
 * drafts) in each order, tags, folders, playlists and related videos. Pure data; no files.
 *
 * @param stats    the counts the library's first pages show
 * @param videos   newest first; {@link VideoView#index()} is the position here
 * @param sorted   each order's list of the same videos
 * @param topRated rated videos, highest first
 * @param related  by video index, up to {@link RelatedVideos#LIMIT} videos each
 */
public record SiteModel(
        SiteInfo info,
        LibraryStats stats,
        List<VideoView> videos,
        Map<SortOrder, List<VideoView>> sorted,
        List<VideoView> topRated,
        List<TagView> tags,
        List<FolderView> folders,
        List<VideoView> rootVideos,
        List<PlaylistView> playlists,
        List<List<VideoView>> related,
        int pageSize) {}
