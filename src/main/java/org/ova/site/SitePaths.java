package org.ova.site;

/**
 * Where each page of the site is written, as paths relative to the site root (forward slashes,
 * not encoded). {@link SiteUrls#encodePath} turns one into a link.
 */
public final class SitePaths {

    public static final String LIBRARY_DATA = "data/library.js";
    public static final String SEARCH_DATA = "data/search.js";
    public static final String PLAYLISTS_DATA = "data/playlists.js";
    public static final String PLACEHOLDER = "assets/placeholder.svg";

    private SitePaths() {}

    public static String video(String id) {
        return "video/" + id + ".html";
    }

    public static String vr(String id) {
        return "vr/" + id + ".html";
    }

    /** Library page {@code page} (from 1) in {@code sort}: {@code index.html}, {@code sort/title/page-2.html}. */
    public static String library(SortOrder sort, int page) {
        String base = sort == SortOrder.ADDED ? "" : "sort/" + sort.key() + "/";
        return base + (page == 1 ? "index.html" : "page-" + page + ".html");
    }

    public static String tag(String slug, int page) {
        return paged("tag/" + slug, page);
    }

    public static String folder(String slug, int page) {
        return paged("folder/" + slug, page);
    }

    public static String topRated(int page) {
        return paged("top-rated", page);
    }

    public static String playlist(String id) {
        return "playlist/" + id + ".html";
    }

    /** {@code base.html} for the first page, {@code base/page-N.html} for the others. */
    private static String paged(String base, int page) {
        return page == 1 ? base + ".html" : base + "/page-" + page + ".html";
    }
}
