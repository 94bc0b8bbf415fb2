package org.ova.site;

/**
 * The most a page may weigh. Metadata limits keep real pages far below it (a video page is about
 * 10 KB, its scrub cues included); a page past it comes from input that slipped through, and writing
 * it would fill disks and hang browsers, so the render refuses it and names the page.
 */
final class PageSize {

    /** Characters (pages are ASCII, so bytes too) one page may have. */
    static final int MAX_CHARS = 8 * 1024 * 1024;

    private PageSize() {}

    /** @throws SiteException when {@code text} is longer than {@link #MAX_CHARS} */
    static void check(String page, String text) {
        if (text.length() > MAX_CHARS) {
            throw new SiteException(page + " would be " + text.length() / (1024 * 1024) + " MB, over the "
                    + MAX_CHARS / (1024 * 1024) + " MB a page may have: shorten what it shows (a description,"
                    + " chapters, markers or tags in its metadata YAML)");
        }
    }
}
