package org.ova.repo.metadata;

import java.util.List;

/**
 * What a person says about one video, as written in its metadata YAML. Every field has a default,
 * so a missing or broken file still yields a usable value.
 *
 * @param title       shown everywhere; defaults from the file name
 * @param description free text, may be empty
 * @param tags        distinct tags in the order written
 * @param rating      0 (unrated) to 5
 * @param chapters    sorted by start time
 * @param markers     sorted by time
 * @param vr          the person's VR override; {@link VrMode#AUTO} lets ova detect it
 * @param draft       drafts stay out of the site until published
 */
public record VideoMetadata(
        String title,
        String description,
        List<String> tags,
        int rating,
        List<Chapter> chapters,
        List<Marker> markers,
        VrMode vr,
        boolean draft) {

    public static final int MAX_RATING = 5;

    public VideoMetadata {
        tags = List.copyOf(tags);
        chapters = List.copyOf(chapters);
        markers = List.copyOf(markers);
    }

    /** The metadata of a video nobody has described yet. */
    public static VideoMetadata defaults(String title) {
        return new VideoMetadata(title, "", List.of(), 0, List.of(), List.of(), VrMode.AUTO, false);
    }

    /** The same metadata held back from the site like a draft. */
    public VideoMetadata asDraft() {
        return draft ? this : new VideoMetadata(title, description, tags, rating, chapters, markers, vr, true);
    }
}
