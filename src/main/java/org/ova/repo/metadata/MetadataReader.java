package org.ova.repo.metadata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.ova.repo.yaml.YamlDocument;
import org.ova.repo.yaml.YamlLimits;
import org.ova.repo.yaml.YamlMap;
import org.ova.repo.yaml.YamlNode;
import org.ova.repo.yaml.YamlProblem;
import org.ova.repo.yaml.YamlProblemCollector;

/**
 * Reads one video's metadata YAML into a {@link VideoMetadata}. Strict about what it accepts
 * (unknown keys, ratings outside 0..5, malformed times, over-long texts) so a typo is reported at
 * its line and column instead of being silently ignored; forgiving about what may be left out
 * (every key is optional). Each key, chapter and marker is read on its own, so one run reports
 * every mistake in the file.
 */
public final class MetadataReader {

    private static final List<String> KEYS =
            List.of("title", "description", "tags", "rating", "draft", "vr", "chapters", "markers");
    private static final List<String> VR_KEYS = List.of("projection", "stereo");
    private static final List<String> CHAPTER_KEYS = List.of("at", "title");
    private static final List<String> MARKER_KEYS = List.of("at", "label", "tags");
    private static final int SHORT = YamlLimits.MAX_SHORT_TEXT_CHARS;
    /** A line asking for a draft, looked for only when the file cannot be parsed at all. */
    private static final Pattern DRAFT_LINE =
            Pattern.compile("^\\s*draft\\s*:\\s*[\"']?(true|yes|on)\\b", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private MetadataReader() {}

    /**
     * Reads {@code file}; problems in it (too big included) come back in the result.
     *
     * @param defaultTitle the title used when the file has none (usually {@link TitleFromFileName})
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static MetadataParse read(Path file, String defaultTitle) {
        String text;
        try {
            text = YamlDocument.readText(file);
        } catch (YamlProblem problem) {
            return new MetadataParse(VideoMetadata.defaults(defaultTitle).asDraft(), problem.each());
        }
        return parse(file, text, defaultTitle);
    }

    /** Reads {@code text} as the contents of {@code file}; see {@link #read}. */
    public static MetadataParse parse(Path file, String text, String defaultTitle) {
        YamlMap map;
        try {
            map = YamlDocument.parse(file, text).asMap();
        } catch (YamlProblem problem) {
            // nothing could be read, so whether it is a draft is guessed from its lines, erring on "draft"
            VideoMetadata defaults = VideoMetadata.defaults(defaultTitle);
            return new MetadataParse(DRAFT_LINE.matcher(text).find() ? defaults.asDraft() : defaults, problem.each());
        }
        YamlProblemCollector problems = new YamlProblemCollector();
        problems.check(() -> map.rejectUnknownKeys(KEYS));
        String title = problems.read(() -> text(map, "title"), "");
        VideoMetadata metadata = new VideoMetadata(
                title.isBlank() ? defaultTitle : title,
                problems.read(
                        () -> map.get("description")
                                .map(n -> n.asString(YamlLimits.MAX_TEXT_CHARS).strip())
                                .orElse(""),
                        ""),
                problems.read(() -> map.get("tags").map(MetadataReader::tags).orElse(List.of()), List.of()),
                problems.read(
                        () -> map.get("rating")
                                .map(n -> n.asInt(0, VideoMetadata.MAX_RATING))
                                .orElse(0),
                        0),
                map.get("chapters").map(node -> chapters(node, problems)).orElse(List.of()),
                map.get("markers").map(node -> markers(node, problems)).orElse(List.of()),
                problems.read(() -> map.get("vr").map(MetadataReader::vr).orElse(VrMode.AUTO), VrMode.AUTO),
                // a draft flag that cannot be read counts as set: fail closed
                problems.read(() -> map.get("draft").map(YamlNode::asBoolean).orElse(false), true));
        return new MetadataParse(metadata, problems.problems());
    }

    /** Trimmed tags without blanks, each kept once (compared without case) in its first spelling. */
    public static List<String> tags(YamlNode node) {
        List<String> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : node.asStringList(SHORT)) {
            if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static VrMode vr(YamlNode node) {
        YamlMap map = node.asMap();
        YamlProblemCollector problems = new YamlProblemCollector();
        problems.check(() -> map.rejectUnknownKeys(VR_KEYS));
        VrMode vr = new VrMode(
                problems.read(
                        () -> map.get("projection")
                                .map(n -> n.asEnum(VrMode.Projection.class, VrMode.Projection::yamlName))
                                .orElse(VrMode.Projection.AUTO),
                        VrMode.Projection.AUTO),
                problems.read(
                        () -> map.get("stereo")
                                .map(n -> n.asEnum(VrMode.Stereo.class, VrMode.Stereo::yamlName))
                                .orElse(VrMode.Stereo.AUTO),
                        VrMode.Stereo.AUTO));
        problems.throwIfAny();
        return vr;
    }

    private static List<Chapter> chapters(YamlNode node, YamlProblemCollector problems) {
        List<Chapter> chapters = new ArrayList<>();
        for (YamlNode item : problems.read(node::asList, List.<YamlNode>of())) {
            problems.check(() -> {
                YamlMap map = item.asMap();
                YamlProblemCollector own = new YamlProblemCollector();
                own.check(() -> map.rejectUnknownKeys(CHAPTER_KEYS));
                Double start = own.read(() -> TimeCode.read(map.require("at")), null);
                String title = own.read(() -> text(map, "title"), "");
                own.throwIfAny();
                chapters.add(new Chapter(start, title));
            });
        }
        chapters.sort(Comparator.comparingDouble(Chapter::start));
        return chapters;
    }

    private static List<Marker> markers(YamlNode node, YamlProblemCollector problems) {
        List<Marker> markers = new ArrayList<>();
        for (YamlNode item : problems.read(node::asList, List.<YamlNode>of())) {
            problems.check(() -> {
                YamlMap map = item.asMap();
                YamlProblemCollector own = new YamlProblemCollector();
                own.check(() -> map.rejectUnknownKeys(MARKER_KEYS));
                Double at = own.read(() -> TimeCode.read(map.require("at")), null);
                String label = own.read(() -> text(map, "label"), "");
                List<String> tags =
                        own.read(() -> map.get("tags").map(MetadataReader::tags).orElse(List.of()), List.of());
                own.throwIfAny();
                markers.add(new Marker(at, label, tags));
            });
        }
        markers.sort(Comparator.comparingDouble(Marker::at));
        return markers;
    }

    // kept exactly as written: a quoted title may start with a space on purpose
    private static String text(YamlMap map, String key) {
        return map.get(key).map(n -> n.asString(SHORT)).orElse("");
    }
}
