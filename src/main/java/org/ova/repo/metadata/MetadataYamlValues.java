package org.ova.repo.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ova.repo.yaml.YamlQuoting;

/**
 * Writes the value of each metadata key the way {@link MetadataTemplate} and a person write them:
 * short values on the key's line, lists of chapters and markers as block lists. Each value reads back
 * through {@link MetadataReader} as the value given (times rounded to the millisecond).
 */
final class MetadataYamlValues {

    /** Text a literal block ({@code |}) carries unchanged: printable, no tab or carriage return. */
    private static final Pattern LITERAL_SAFE =
            Pattern.compile("[\\x20-\\x7E\\n\\xA0-\\uD7FF\\uE000-\\uFFFD&&[^\\uFEFF]]*");

    /** A line ending in a space or starting blank, which a literal block would not keep. */
    private static final Pattern TRAILING_SPACE = Pattern.compile("(?m) $|\\A\\n|\\n\\z");

    private MetadataYamlValues() {}

    /** A text on one line, or as a literal block when it has several lines and can be one. */
    static String text(String text, int indent) {
        if (text.indexOf('\n') >= 0
                && LITERAL_SAFE.matcher(text).matches()
                && !text.startsWith(" ")
                && !TRAILING_SPACE.matcher(text).find()) {
            String pad = " ".repeat(indent);
            StringBuilder out = new StringBuilder("|");
            for (String line : text.split("\n", -1)) {
                out.append('\n');
                if (!line.isEmpty()) {
                    out.append(pad).append(line);
                }
            }
            return out.toString();
        }
        return YamlQuoting.scalar(text);
    }

    /** Tags as one flow list: {@code [summer, "a, b"]}. */
    static String flowList(List<String> items) {
        List<String> written = new ArrayList<>(items.size());
        for (String item : items) {
            // a comma ends a plain scalar inside brackets
            written.add(item.indexOf(',') >= 0 ? YamlQuoting.doubleQuoted(item) : YamlQuoting.scalar(item));
        }
        return "[" + String.join(", ", written) + "]";
    }

    /** Tags as block lines, {@code - summer}, without indentation. */
    static List<String> blockList(List<String> items) {
        return items.stream().map(item -> "- " + YamlQuoting.scalar(item)).toList();
    }

    /** The parts of {@code vr} that are not {@code auto}, as block lines. */
    static List<String> vr(VrMode vr) {
        List<String> lines = new ArrayList<>(2);
        if (vr.projection() != VrMode.Projection.AUTO) {
            lines.add("projection: " + vr.projection().yamlName());
        }
        if (vr.stereo() != VrMode.Stereo.AUTO) {
            lines.add("stereo: " + vr.stereo().yamlName());
        }
        return lines;
    }

    static List<String> chapters(List<Chapter> chapters) {
        List<String> lines = new ArrayList<>(chapters.size() * 2);
        for (Chapter chapter : chapters) {
            lines.add("- at: " + TimeCode.format(chapter.start()));
            lines.add("  title: " + YamlQuoting.scalar(chapter.title()));
        }
        return lines;
    }

    static List<String> markers(List<Marker> markers) {
        List<String> lines = new ArrayList<>(markers.size() * 3);
        for (Marker marker : markers) {
            lines.add("- at: " + TimeCode.format(marker.at()));
            if (!marker.label().isEmpty()) {
                lines.add("  label: " + YamlQuoting.scalar(marker.label()));
            }
            if (!marker.tags().isEmpty()) {
                lines.add("  tags: " + flowList(marker.tags()));
            }
        }
        return lines;
    }
}
