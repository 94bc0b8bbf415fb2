package org.ova.repo.metadata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ova.repo.yaml.YamlDocument;
import org.ova.repo.yaml.YamlMap;
import org.ova.repo.yaml.YamlNode;
import org.ova.repo.yaml.YamlProblem;

/**
 * Reads one video's metadata YAML into a {@link VideoMetadata}. Strict about what it accepts
 * (unknown keys, ratings outside 0..5, malformed times) so a typo is reported at its line and column
 * instead of being silently ignored; forgiving about what may be left out (every key is optional).
 */
public final class MetadataReader {

    private static final List<String> KEYS =
            List.of("title", "description", "tags", "rating", "draft", "vr", "chapters", "markers");
    private static final List<String> VR_KEYS = List.of("projection", "stereo");
    private static final List<String> CHAPTER_KEYS = List.of("at", "title");
    private static final List<String> MARKER_KEYS = List.of("at", "label", "tags");

    private MetadataReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @param defaultTitle the title used when the file has none (usually {@link TitleFromFileName})
     * @throws YamlProblem at the offending line and column
     */
    public static VideoMetadata read(Path file, String defaultTitle) {
        return from(YamlDocument.read(file), defaultTitle);
    }

    /** Reads {@code text} as the contents of {@code file}; see {@link #read}. */
    public static VideoMetadata parse(Path file, String text, String defaultTitle) {
        return from(YamlDocument.parse(file, text), defaultTitle);
    }

    private static VideoMetadata from(YamlNode root, String defaultTitle) {
        YamlMap map = root.asMap().rejectUnknownKeys(KEYS);
        String title = text(map, "title");
        return new VideoMetadata(
                title.isBlank() ? defaultTitle : title,
                map.get("description").map(n -> n.asString().strip()).orElse(""),
                map.get("tags").map(MetadataReader::tags).orElse(List.of()),
                map.get("rating").map(n -> n.asInt(0, VideoMetadata.MAX_RATING)).orElse(0),
                map.get("chapters").map(MetadataReader::chapters).orElse(List.of()),
                map.get("markers").map(MetadataReader::markers).orElse(List.of()),
                map.get("vr").map(MetadataReader::vr).orElse(VrMode.AUTO),
                map.get("draft").map(YamlNode::asBoolean).orElse(false));
    }

    /** Trimmed tags without blanks, each kept once (compared without case) in its first spelling. */
    public static List<String> tags(YamlNode node) {
        List<String> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : node.asStringList()) {
            if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static VrMode vr(YamlNode node) {
        YamlMap map = node.asMap().rejectUnknownKeys(VR_KEYS);
        return new VrMode(
                map.get("projection").map(n -> n.asEnum(VrMode.Projection.class, VrMode.Projection::yamlName))
                        .orElse(VrMode.Projection.AUTO),
                map.get("stereo").map(n -> n.asEnum(VrMode.Stereo.class, VrMode.Stereo::yamlName))
                        .orElse(VrMode.Stereo.AUTO));
    }

    private static List<Chapter> chapters(YamlNode node) {
        List<Chapter> chapters = new ArrayList<>();
        for (YamlNode item : node.asList()) {
            YamlMap map = item.asMap().rejectUnknownKeys(CHAPTER_KEYS);
            chapters.add(new Chapter(TimeCode.read(map.require("at")), text(map, "title")));
        }
        chapters.sort(Comparator.comparingDouble(Chapter::start));
        return chapters;
    }

    private static List<Marker> markers(YamlNode node) {
        List<Marker> markers = new ArrayList<>();
        for (YamlNode item : node.asList()) {
            YamlMap map = item.asMap().rejectUnknownKeys(MARKER_KEYS);
            markers.add(new Marker(TimeCode.read(map.require("at")), text(map, "label"),
                    map.get("tags").map(MetadataReader::tags).orElse(List.of())));
        }
        markers.sort(Comparator.comparingDouble(Marker::at));
        return markers;
    }

    // kept exactly as written: a quoted title may start with a space on purpose
    private static String text(YamlMap map, String key) {
        return map.get(key).map(YamlNode::asString).orElse("");
    }
}
