package org.ova.server.edit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.ova.repo.metadata.VideoMetadata;

/**
 * One change for many videos, from the selection on a list page: tags added and removed (compared
 * without case), and optionally one rating for all.
 */
public record BulkEdit(List<String> ids, List<String> addTags, List<String> removeTags, Optional<Integer> rating) {

    public BulkEdit {
        ids = List.copyOf(ids);
        addTags = List.copyOf(addTags);
        removeTags = List.copyOf(removeTags);
    }

    /** The edit with its tags trimmed and de-duplicated like a form's; its problems go to {@code problems}. */
    BulkEdit checked(List<EditProblem> problems) {
        if (ids.isEmpty()) {
            problems.add(new EditProblem("ids", "no video chosen"));
        }
        rating.ifPresent(r -> EditValidator.apply(
                VideoMetadata.defaults(""), VideoPatch.none().withRating(r), OptionalDouble.empty(), problems));
        return new BulkEdit(
                ids,
                EditValidator.tags(addTags, "addTags", problems),
                EditValidator.tags(removeTags, "removeTags", problems),
                rating);
    }

    /** The change this edit makes to a video described by {@code current}. */
    VideoPatch patchFor(VideoMetadata current) {
        Set<String> remove = new HashSet<>();
        removeTags.forEach(tag -> remove.add(tag.toLowerCase(Locale.ROOT)));
        List<String> tags = new ArrayList<>();
        for (String tag : current.tags()) {
            if (!remove.contains(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        tags.addAll(addTags);
        VideoPatch patch = VideoPatch.none().withTags(tags);
        return rating.map(patch::withRating).orElse(patch);
    }
}
