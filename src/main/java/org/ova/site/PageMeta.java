package org.ova.site;

/**
 * What the layout needs about the page it frames.
 *
 * @param kind        the {@code data-page} value: library, video, tags, tag, top, folders, folder,
 *                    playlists, playlist, search, vr, upload, processing, 404
 * @param root        the prefix from this page to the site root ({@code ""}, {@code "../"}, …)
 * @param title       the page's own title (the site title is added by the layout)
 * @param randomScope the random button's {@code data-random-scope}: {@code library}, {@code tag:<slug>},
 *                    {@code playlist:<id>}
 */
public record PageMeta(String kind, String path, String root, String title, String randomScope) {

    public static PageMeta of(String kind, String path, String title, String randomScope) {
        return new PageMeta(kind, path, SiteUrls.rootPrefix(path), title, randomScope);
    }

    /** The same page with another root prefix. */
    public PageMeta withRoot(String otherRoot) {
        return new PageMeta(kind, path, otherRoot, title, randomScope);
    }
}
