package org.ova.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ova.site.render.internal.ScriptJson;

/**
 * The site's global data, written once as {@code <script src>} files (never fetched, so it works
 * from {@code file://}) instead of into every page. Addresses in them are relative to the site root.
 */
public final class SiteDataFiles {

    private static final String LIBRARY_START = "window.OVA_LIBRARY = {\"videos\":[";
    private static final String LIBRARY_END = "]};\n";
    private static final String SEARCH_START = "window.OVA_SEARCH = [";
    private static final String SEARCH_END = "];\n";
    private static final String ROW_SEPARATOR = ",\n";

    private SiteDataFiles() {}

    /** {@code data/library.js}: every video's id, title, page, thumbnail, duration, rating, tags and
     * playable file (or {@code np} when browsers play none). */
    public static String library(SiteModel model) {
        return library(model.videos().stream().map(SiteDataFiles::libraryRow).toList());
    }

    /** {@code data/library.js} from each video's {@link #libraryRow}. */
    private static String library(List<String> rows) {
        return LIBRARY_START + String.join(ROW_SEPARATOR, rows) + LIBRARY_END;
    }

    /** {@code data/library.js} made of rows kept between renders. */
    static VideoRows libraryRows() {
        return new VideoRows(LIBRARY_START, ROW_SEPARATOR, LIBRARY_END, SiteDataFiles::libraryRow);
    }

    /** One video's entry in {@code data/library.js}. */
    static String libraryRow(VideoView video) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", video.id());
        entry.put("t", video.title());
        entry.put("u", video.pageUrl());
        entry.put("th", video.hasThumb() ? video.thumbUrl() : null);
        entry.put("d", video.duration());
        entry.put("r", video.rating());
        entry.put("g", video.tags().stream().map(TagLink::name).toList());
        // What the playlist player switches to without leaving the page; "np" keeps Random off it.
        if (video.playback().playable()) {
            entry.put("s", video.playback().sourceUrl());
        } else {
            entry.put("np", 1);
        }
        return ScriptJson.write(entry);
    }

    /** {@code data/search.js}: one compact row per video, see {@link SearchIndex}. */
    public static String search(SiteModel model) {
        return search(model.videos().stream().map(SiteDataFiles::searchRow).toList());
    }

    /** {@code data/search.js} from each video's {@link #searchRow}. */
    private static String search(List<String> rows) {
        return SEARCH_START + String.join(ROW_SEPARATOR, rows) + SEARCH_END;
    }

    /** {@code data/search.js} made of rows kept between renders. */
    static VideoRows searchRows() {
        return new VideoRows(SEARCH_START, ROW_SEPARATOR, SEARCH_END, SiteDataFiles::searchRow);
    }

    /** One video's row in {@code data/search.js}. */
    static String searchRow(VideoView video) {
        return ScriptJson.write(SearchIndex.row(video));
    }

    /** {@code data/playlists.js}: each playlist's title, whether to reshuffle, and its video pages. */
    public static String playlists(SiteModel model) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (PlaylistView playlist : model.playlists()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("title", playlist.title());
            entry.put("random", playlist.random());
            List<String> urls = new ArrayList<>();
            playlist.videos().forEach(video -> urls.add(video.pageUrl()));
            entry.put("videos", urls);
            all.put(playlist.id(), entry);
        }
        return "window.OVA_PLAYLISTS = " + ScriptJson.write(all) + ";\n";
    }
}
