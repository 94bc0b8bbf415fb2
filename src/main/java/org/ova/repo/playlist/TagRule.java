package org.ova.repo.playlist;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which tags a video must have: every one of {@code all}, at least one of {@code any} (when any are
 * given) and none of {@code none}. Tags compare without case; the lists hold lower-case tags.
 */
public record TagRule(List<String> all, List<String> any, List<String> none) {

    /** Accepts every video. */
    public static final TagRule NONE = new TagRule(List.of(), List.of(), List.of());

    public TagRule {
        all = lowerCase(all);
        any = lowerCase(any);
        none = lowerCase(none);
    }

    public boolean matches(Collection<String> videoTags) {
        Set<String> tags = new HashSet<>();
        for (String tag : videoTags) {
            tags.add(tag.toLowerCase(Locale.ROOT));
        }
        return tags.containsAll(all)
                && (any.isEmpty() || any.stream().anyMatch(tags::contains))
                && none.stream().noneMatch(tags::contains);
    }

    private static List<String> lowerCase(List<String> tags) {
        return tags.stream().map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
