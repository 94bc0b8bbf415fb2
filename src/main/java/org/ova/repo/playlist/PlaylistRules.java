package org.ova.repo.playlist;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.ova.repo.Glob;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.Marker;
import org.ova.repo.metadata.VideoMetadata;

/**
 * The rules of a smart playlist; a video belongs when it passes every rule that is present (AND).
 *
 * @param tags        tags the video must, may or must not have
 * @param rating      the video's rating (0 = unrated) must fall in this range
 * @param duration    seconds; videos whose duration is not known yet never pass
 * @param folder      glob over the video's relative path
 * @param vr          true: only VR videos; false: only flat ones
 * @param addedWithin the video was first seen at most this long before the build
 * @param text        lower-case text found, ignoring case, in the title, description, a tag, a
 *                    chapter title or a marker label
 */
public record PlaylistRules(
        TagRule tags,
        Optional<Range> rating,
        Optional<Range> duration,
        Optional<Glob> folder,
        Optional<Boolean> vr,
        Optional<Duration> addedWithin,
        Optional<String> text) {

    /** No rules: every video that is not a draft. */
    public static final PlaylistRules EVERYTHING = new PlaylistRules(
            TagRule.NONE,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    public PlaylistRules {
        text = text.map(t -> t.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code video} passes every rule, judging "added within" from {@code now}. */
    public boolean matches(LibraryVideo video, Instant now) {
        VideoMetadata m = video.metadata();
        return tags.matches(m.tags())
                && rating.map(r -> r.contains(m.rating())).orElse(true)
                && duration.map(r -> video.duration().isPresent()
                                && r.contains(video.duration().getAsDouble()))
                        .orElse(true)
                && folder.map(glob -> glob.matches(video.path())).orElse(true)
                && vr.map(wanted -> video.vr().isVr() == wanted).orElse(true)
                && addedWithin
                        .map(age -> !video.added().isBefore(now.minus(age)))
                        .orElse(true)
                && text.map(needle -> mentions(m, needle)).orElse(true);
    }

    private static boolean mentions(VideoMetadata m, String needle) {
        return contains(m.title(), needle)
                || contains(m.description(), needle)
                || m.tags().stream().anyMatch(tag -> contains(tag, needle))
                || m.chapters().stream().map(Chapter::title).anyMatch(title -> contains(title, needle))
                || m.markers().stream().map(Marker::label).anyMatch(label -> contains(label, needle));
    }

    private static boolean contains(String haystack, String lowerCaseNeedle) {
        return haystack.toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
    }
}
