package org.ova.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Every HTML page of the site, planned from the model: which file, which template, which
 * variables. Each page gets only what it shows (a page of cards, one video and its neighbours), so
 * a page costs the same in a library of ten videos or ten thousand.
 */
public final class SitePages {

    private final SiteModel model;
    private final Function<String, String> libraryText;

    /**
     * @param libraryText reads a library file (library-relative path) as text, null when unreadable;
     *                    used for the sprites' WebVTT that video pages carry inline
     */
    public SitePages(SiteModel model, Function<String, String> libraryText) {
        this.model = model;
        this.libraryText = libraryText;
    }

    public List<Page> all() {
        List<Page> pages = new ArrayList<>();
        for (SortOrder sort : SortOrder.values()) {
            addList(
                    pages,
                    "library",
                    "library.peb",
                    model.sorted().get(sort),
                    n -> SitePaths.library(sort, n),
                    "library",
                    "library:" + sort.key(),
                    "Videos",
                    Map.of("sorts", sortLinks(sort)),
                    model.stats());
        }
        addList(
                pages,
                "top",
                "top-rated.peb",
                model.topRated(),
                SitePaths::topRated,
                "library",
                "top",
                "Top rated",
                Map.of(),
                null);
        for (TagView tag : model.tags()) {
            addList(
                    pages,
                    "tag",
                    "tag.peb",
                    tag.videos(),
                    n -> SitePaths.tag(tag.slug(), n),
                    "tag:" + tag.slug(),
                    "tag:" + tag.slug(),
                    tag.name(),
                    // the tag without its videos: a page shows its slice, and stays the same when another changes
                    Map.of("tag", new TagLink(tag.name(), tag.slug(), tag.url())),
                    null);
        }
        Map<String, FolderView> foldersByPath = new HashMap<>();
        model.folders().forEach(folder -> foldersByPath.put(folder.path(), folder));
        for (FolderView folder : model.folders()) {
            addList(
                    pages,
                    "folder",
                    "folder.peb",
                    folder.videos(),
                    n -> SitePaths.folder(folder.slug(), n),
                    "library",
                    "folder:" + folder.slug(),
                    folder.path(),
                    Map.of("folder", folder.withoutVideos(), "breadcrumbs", breadcrumbs(folder, foldersByPath)),
                    null);
        }
        for (VideoView video : model.videos()) {
            pages.add(videoPage(video));
            if (video.vr() != null) {
                String path = SitePaths.vr(video.id());
                pages.add(page(
                        path, "vr.peb", PageMeta.of("vr", path, video.title(), "library"), Map.of("video", video)));
            }
        }
        pages.add(page(
                "tags.html",
                "tags.peb",
                PageMeta.of("tags", "tags.html", "Tags", "library"),
                Map.of("tags", model.tags())));
        pages.add(page(
                "folders.html",
                "folders.peb",
                PageMeta.of("folders", "folders.html", "Folders", "library"),
                Map.of(
                        "folders",
                        model.folders(),
                        "rootCount",
                        model.rootVideos().size())));
        pages.add(page(
                "playlists.html",
                "playlists.peb",
                PageMeta.of("playlists", "playlists.html", "Playlists", "library"),
                Map.of("playlists", model.playlists())));
        for (PlaylistView playlist : model.playlists()) {
            String path = SitePaths.playlist(playlist.id());
            pages.add(page(
                    path,
                    "playlist.peb",
                    PageMeta.of("playlist", path, playlist.title(), "playlist:" + playlist.id()),
                    Map.of("playlist", playlist, "items", items(playlist))));
        }
        pages.add(
                page("search.html", "search.peb", PageMeta.of("search", "search.html", "Search", "library"), Map.of()));
        // the pages of `ova serve`'s upload workflow: on a static host they say how to serve the library
        pages.add(page(
                "upload.html",
                "upload.peb",
                PageMeta.of("upload", "upload.html", "Upload", "library"),
                Map.of("folders", model.folders().stream().map(FolderView::path).toList())));
        pages.add(page(
                "processing.html",
                "processing.peb",
                PageMeta.of("processing", "processing.html", "Processing", "library"),
                Map.of()));
        pages.add(page("404.html", "404.peb", PageMeta.of("404", "404.html", "Not found", "library"), Map.of()));
        return pages;
    }

    private void addList(
            List<Page> pages,
            String kind,
            String template,
            List<VideoView> videos,
            IntFunction<String> path,
            String randomScope,
            String listKey,
            String title,
            Map<String, Object> extra,
            LibraryStats stats) {
        int total = Pager.pages(videos.size(), model.pageSize());
        for (int n = 1; n <= total; n++) {
            int number = n;
            String file = path.apply(n);
            PageMeta meta = PageMeta.of(kind, file, n == 1 ? title : title + " — page " + n, randomScope);
            List<VideoView> slice = Pager.slice(videos, number, model.pageSize());
            // counts only on a list's first page: a video joining a list then changes the pages from its
            // place on, not every page before it
            Integer count = n == 1 ? videos.size() : null;
            LibraryStats pageStats = n == 1 ? stats : null;
            List<Object> inputs =
                    Arrays.asList(model.info(), meta, extra, slice, count, pageStats, number, total, listKey);
            pages.add(new Page(file, template, inputs, () -> {
                Map<String, Object> vars = common(meta);
                vars.putAll(extra);
                vars.put("videos", slice);
                vars.put("count", count);
                if (stats != null) {
                    vars.put("stats", pageStats);
                }
                vars.put("pager", Pager.of(number, total, path));
                vars.put("listKey", listKey + ":" + number);
                return vars;
            }));
        }
    }

    private Page videoPage(VideoView video) {
        String path = SitePaths.video(video.id());
        List<VideoView> videos = model.videos();
        VideoView prev = video.index() > 0 ? videos.get(video.index() - 1) : null;
        VideoView next = video.index() + 1 < videos.size() ? videos.get(video.index() + 1) : null;
        // the page's meta is made of its path and the video's title; the sprites' WebVTT stands in by its
        // path (inside the video): processing, which changes it, renders the whole site
        List<Object> inputs =
                Arrays.asList(model.info(), video, prev, next, model.related().get(video.index()));
        return new Page(path, "video.peb", inputs, () -> {
            PageMeta meta = PageMeta.of("video", path, video.title(), "library");
            String sprites = video.spritesVtt().isEmpty() ? null : libraryText.apply(video.spritesVtt());
            Map<String, Object> vars = common(meta);
            vars.put("video", video);
            vars.put("prev", prev);
            vars.put("next", next);
            vars.put("related", model.related().get(video.index()));
            vars.put(
                    "videoData",
                    VideoData.of(
                            video,
                            meta.root(),
                            sprites,
                            prev == null ? null : prev.pageUrl(),
                            next == null ? null : next.pageUrl()));
            return vars;
        });
    }

    private Page page(String path, String template, PageMeta meta, Map<String, Object> extra) {
        return new Page(path, template, List.of(model.info(), meta, extra), () -> {
            Map<String, Object> vars = common(meta);
            vars.putAll(extra);
            return vars;
        });
    }

    private Map<String, Object> common(PageMeta meta) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("site", model.info());
        vars.put("page", meta);
        return vars;
    }

    private static List<SortLink> sortLinks(SortOrder current) {
        List<SortLink> links = new ArrayList<>();
        for (SortOrder sort : SortOrder.values()) {
            links.add(new SortLink(sort.label(), SiteUrls.encodePath(SitePaths.library(sort, 1)), sort == current));
        }
        return links;
    }

    private static List<FolderView.FolderLink> breadcrumbs(FolderView folder, Map<String, FolderView> byPath) {
        List<FolderView.FolderLink> crumbs = new ArrayList<>();
        String path = SiteModelBuilder.parent(folder.path());
        for (; !path.isEmpty(); path = SiteModelBuilder.parent(path)) {
            FolderView parent = byPath.get(path);
            crumbs.add(0, new FolderView.FolderLink(parent.name(), parent.url(), parent.total()));
        }
        return crumbs;
    }

    private static List<PlaylistItem> items(PlaylistView playlist) {
        List<PlaylistItem> items = new ArrayList<>();
        for (int i = 0; i < playlist.videos().size(); i++) {
            VideoView video = playlist.videos().get(i);
            items.add(new PlaylistItem(
                    i, video, video.pageUrl() + "?list=" + SiteUrls.encodeSegment(playlist.id()) + "&i=" + i));
        }
        return items;
    }

    /** A link to one of the library's orders. */
    public record SortLink(String label, String url, boolean active) {}

    /** A playlist's video with its address inside the playlist ({@code ?list=<id>&i=<n>}). */
    public record PlaylistItem(int index, VideoView video, String url) {}
}
