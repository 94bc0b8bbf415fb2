package org.ova.server.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.Marker;
import org.ova.repo.metadata.TimeCode;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.yaml.YamlLimits;

/**
 * Checks a {@link VideoPatch} against the rules {@code MetadataReader} applies to the YAML file, so
 * what is written always reads back as sent, and applies it. Every problem is reported, each with
 * its field. An item sent with the wrong type arrives as {@code null}, already reported, and is
 * skipped. Decisions:
 *
 * <ul>
 *   <li>texts are trimmed; a blank title means "from the file name";
 *   <li>tags (also a marker's) are trimmed, blanks dropped, and each kept once, compared without case
 *       in its first spelling, as the reader does;
 *   <li>times are rounded to the millisecond (what the file keeps), must not be negative and must lie
 *       inside the video when its duration is known;
 *   <li>chapters and markers may come in any order and are sorted by time (as the reader sorts them),
 *       so "reorder" in a form means changing a time; two chapters at the same time are refused,
 *       since which of them comes first would be arbitrary;
 *   <li>lengths are the YAML limits: a title, tag, chapter title or marker label at most
 *       {@value YamlLimits#MAX_SHORT_TEXT_CHARS} characters, a description
 *       {@value YamlLimits#MAX_TEXT_CHARS}.
 * </ul>
 */
public final class EditValidator {

    private static final int SHORT = YamlLimits.MAX_SHORT_TEXT_CHARS;

    private final List<EditProblem> problems;
    private final OptionalDouble duration;

    private EditValidator(List<EditProblem> problems, OptionalDouble duration) {
        this.problems = problems;
        this.duration = duration;
    }

    /**
     * {@code current} with {@code patch} applied; when any problem is added to {@code problems} the
     * result must not be used.
     */
    public static VideoMetadata apply(
            VideoMetadata current, VideoPatch patch, OptionalDouble duration, List<EditProblem> problems) {
        EditValidator check = new EditValidator(problems, duration);
        return new VideoMetadata(
                patch.title().map(t -> check.text(t, "title", SHORT)).orElse(current.title()),
                patch.description()
                        .map(d -> check.text(d, "description", YamlLimits.MAX_TEXT_CHARS))
                        .orElse(current.description()),
                patch.tags().map(t -> check.tags(t, "tags")).orElse(current.tags()),
                patch.rating().map(check::rating).orElse(current.rating()),
                patch.chapters().map(check::chapters).orElse(current.chapters()),
                patch.markers().map(check::markers).orElse(current.markers()),
                patch.vr().orElse(current.vr()),
                patch.draft().orElse(current.draft()));
    }

    /** {@code tags} trimmed, without blanks, each once (see the class comment); problems name {@code field}. */
    static List<String> tags(List<String> tags, String field, List<EditProblem> problems) {
        return new EditValidator(problems, OptionalDouble.empty()).tags(tags, field);
    }

    private String text(String text, String field, int limit) {
        String trimmed = text.strip();
        if (trimmed.length() > limit) {
            problems.add(
                    new EditProblem(field, "has " + trimmed.length() + " characters, more than the limit of " + limit));
        }
        return trimmed;
    }

    private List<String> tags(List<String> tags, String field) {
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i) == null) {
                continue; // reported when read
            }
            String tag = text(tags.get(i), field + "[" + i + "]", SHORT);
            if (!tag.isEmpty() && seen.add(tag.toLowerCase(Locale.ROOT))) {
                kept.add(tag);
            }
        }
        return kept;
    }

    private int rating(int rating) {
        if (rating < 0 || rating > VideoMetadata.MAX_RATING) {
            problems.add(new EditProblem("rating", rating + " is not a rating: use 0 (unrated) to 5"));
        }
        return rating;
    }

    private double time(double seconds, String field) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            problems.add(new EditProblem(field, "times count from 0:00 and cannot be negative"));
            return 0;
        }
        double rounded = Math.round(seconds * 1000) / 1000.0;
        if (duration.isPresent() && rounded > duration.getAsDouble()) {
            problems.add(new EditProblem(
                    field,
                    TimeCode.format(rounded) + " is after the end of the video ("
                            + TimeCode.format(duration.getAsDouble()) + ")"));
        }
        return rounded;
    }

    private List<Chapter> chapters(List<Chapter> chapters) {
        List<Chapter> checked = new ArrayList<>(chapters.size());
        Map<Double, Integer> starts = new HashMap<>();
        for (int i = 0; i < chapters.size(); i++) {
            if (chapters.get(i) == null) {
                continue;
            }
            String field = "chapters[" + i + "]";
            double at = time(chapters.get(i).start(), field + ".at");
            Integer same = starts.putIfAbsent(at, i);
            if (same != null) {
                problems.add(new EditProblem(
                        field + ".at", "chapters[" + same + "] starts at the same time: move one of them"));
            }
            checked.add(new Chapter(at, text(chapters.get(i).title(), field + ".title", SHORT)));
        }
        checked.sort(Comparator.comparingDouble(Chapter::start));
        return checked;
    }

    private List<Marker> markers(List<Marker> markers) {
        List<Marker> checked = new ArrayList<>(markers.size());
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            if (marker == null) {
                continue;
            }
            String field = "markers[" + i + "]";
            checked.add(new Marker(
                    time(marker.at(), field + ".at"),
                    text(marker.label(), field + ".label", SHORT),
                    tags(marker.tags(), field + ".tags")));
        }
        checked.sort(Comparator.comparingDouble(Marker::at));
        return checked;
    }
}
