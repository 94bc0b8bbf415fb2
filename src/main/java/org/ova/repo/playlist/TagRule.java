package org.ova.repo.playlist;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

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
        // no set of the video's tags: smart playlists test every video of the library, and a video has few tags
        for (String tag : all) {
            if (!has(videoTags, tag)) {
                return false;
            }
        }
        boolean anyFound = any.isEmpty();
        for (int i = 0; !anyFound && i < any.size(); i++) {
            anyFound = has(videoTags, any.get(i));
        }
        if (!anyFound) {
            return false;
        }
        for (String tag : none) {
            if (has(videoTags, tag)) {
                return false;
            }
        }
        return true;
    }

    private static boolean has(Collection<String> videoTags, String lowerCaseTag) {
        for (String tag : videoTags) {
            // toLowerCase returns the same string when it has no capitals: no copy for most tags
            if (tag.toLowerCase(Locale.ROOT).equals(lowerCaseTag)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lowerCase(List<String> tags) {
        return tags.stream().map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
