package org.ova.site;

import java.util.List;

/**
 * One visible video as the templates see it: text ready to show, and site-relative addresses
 * ({@code url(...)} in a template makes them relative to the page). Absent things are empty
 * strings or null, never {@code Optional}, so templates stay simple.
 *
 * @param index       position in the library's default order (newest first)
 * @param durationText {@code 1:05}, or empty when the video was not probed
 * @param thumbUrl    the thumbnail, or the theme's placeholder art
 * @param previewUrl  the hover preview clip, or empty
 * @param spritesVtt  library-relative path of the scrub sprites' WebVTT, or empty
 * @param failure     why processing failed, or empty
 * @param vr          null for flat videos
 */
public record VideoView(
        int index,
        String id,
        String path,
        String title,
        String description,
        List<TagLink> tags,
        int rating,
        double duration,
        String durationText,
        String pageUrl,
        String thumbUrl,
        boolean hasThumb,
        String previewUrl,
        String spritesVtt,
        String spritesBaseUrl,
        String folder,
        String folderUrl,
        long size,
        String sizeText,
        String added,
        long addedEpochSecond,
        String resolution,
        String codec,
        Playback playback,
        List<ChapterView> chapters,
        List<MarkerView> markers,
        VrView vr,
        String metadataFile,
        String failure) {

    public VideoView {
        tags = List.copyOf(tags);
        chapters = List.copyOf(chapters);
        markers = List.copyOf(markers);
    }

    /** The tag names joined by spaces (search index, card data). */
    public String tagText() {
        StringBuilder text = new StringBuilder();
        for (TagLink tag : tags) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(tag.name());
        }
        return text.toString();
    }
}
