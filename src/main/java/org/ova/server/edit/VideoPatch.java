package org.ova.server.edit;

import java.util.List;
import java.util.Optional;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.Marker;
import org.ova.repo.metadata.VrMode;

/**
 * A change to a video's editable fields as sent by the Edit form, not yet checked: an empty field
 * is left as it is, a present one replaces the value (a JSON {@code null} arrives here as the field's
 * default: no tags, rating 0, {@code auto}, an empty title meaning "from the file name"). Chapters and
 * markers are in the order sent, so problems can name them by their index; an item that could not be
 * read is {@code null} there (the edit is refused).
 */
public record VideoPatch(
        Optional<String> title,
        Optional<String> description,
        Optional<List<String>> tags,
        Optional<Integer> rating,
        Optional<Boolean> draft,
        Optional<VrMode> vr,
        Optional<List<Chapter>> chapters,
        Optional<List<Marker>> markers) {

    /** A change of nothing. */
    public static VideoPatch none() {
        return new VideoPatch(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public VideoPatch withTags(List<String> now) {
        return new VideoPatch(title, description, Optional.of(now), rating, draft, vr, chapters, markers);
    }

    public VideoPatch withDraft(boolean now) {
        return new VideoPatch(title, description, tags, rating, Optional.of(now), vr, chapters, markers);
    }

    public VideoPatch withChapters(List<Chapter> now) {
        return new VideoPatch(title, description, tags, rating, draft, vr, Optional.of(now), markers);
    }

    public VideoPatch withRating(int now) {
        return new VideoPatch(title, description, tags, Optional.of(now), draft, vr, chapters, markers);
    }
}
