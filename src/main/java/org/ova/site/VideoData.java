package org.ova.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inline JSON of a video page ({@code <script type="application/json" id="ova-video-data">}),
 * read by the player script. Addresses in it are relative to the page.
 */
public final class VideoData {

    private VideoData() {}

    /**
     * The page data of one video page, as the player script reads it.
     *
     * @param root        the page's prefix to the site root
     * @param spritesText the full text of the sprites' WebVTT, or null when there is none
     * @param prev        site-relative address of the previous video's page, or null
     * @param next        site-relative address of the next video's page, or null
     */
    public static Map<String, Object> of(VideoView video, String root, String spritesText, String prev, String next) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", video.id());
        data.put("title", video.title());
        data.put("duration", video.duration());
        if (spritesText == null) {
            data.put("sprites", null);
        } else {
            Map<String, Object> sprites = new LinkedHashMap<>();
            sprites.put("vtt", spritesText);
            sprites.put("base", SiteUrls.fromPage(root, video.spritesBaseUrl()));
            data.put("sprites", sprites);
        }
        List<Object> chapters = new ArrayList<>();
        for (ChapterView chapter : video.chapters()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("start", chapter.start());
            entry.put("end", chapter.end());
            entry.put("title", chapter.title());
            chapters.add(entry);
        }
        data.put("chapters", chapters);
        List<Object> markers = new ArrayList<>();
        for (MarkerView marker : video.markers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", marker.at());
            entry.put("label", marker.label());
            entry.put("tags", marker.tags());
            markers.add(entry);
        }
        data.put("markers", markers);
        data.put("playable", video.playback().playable());
        data.put("message", video.playback().message());
        data.put("prev", prev == null ? null : SiteUrls.fromPage(root, prev));
        data.put("next", next == null ? null : SiteUrls.fromPage(root, next));
        data.put("metadataFile", video.metadataFile());
        if (video.vr() == null) {
            data.put("vr", null);
        } else {
            Map<String, Object> vr = new LinkedHashMap<>();
            vr.put("projection", video.vr().projection());
            vr.put("stereo", video.vr().stereo());
            vr.put("page", SiteUrls.fromPage(root, video.vr().pageUrl()));
            data.put("vr", vr);
        }
        return data;
    }
}
