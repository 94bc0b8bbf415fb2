package org.ova.repo.playlist;

import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ova.repo.Glob;
import org.ova.repo.metadata.TimeCode;
import org.ova.repo.yaml.YamlMap;
import org.ova.repo.yaml.YamlNode;

/** Reads the {@code rules:} mapping of a smart playlist, complaining at the line of each mistake. */
final class RulesReader {

    private static final List<String> KEYS =
            List.of("tags", "rating", "duration", "folder", "vr", "addedWithin", "text");
    private static final List<String> TAG_KEYS = List.of("all", "any", "none");
    private static final List<String> RANGE_KEYS = List.of("min", "max");
    private static final Pattern AGE = Pattern.compile("(\\d{1,6})\\s*([hdwmy])");

    private RulesReader() {}

    static PlaylistRules read(YamlNode node) {
        YamlMap map = node.asMap().rejectUnknownKeys(KEYS);
        return new PlaylistRules(
                map.get("tags").map(RulesReader::tags).orElse(TagRule.NONE),
                map.get("rating").map(n -> range(n, 0, n2 -> n2.asInt(0, 5), 5)),
                map.get("duration").map(n -> range(n, 0, TimeCode::read, Double.POSITIVE_INFINITY)),
                map.get("folder").map(RulesReader::folder),
                map.get("vr").map(YamlNode::asBoolean),
                map.get("addedWithin").map(RulesReader::age),
                map.get("text").map(n -> n.asString().strip()).filter(text -> !text.isEmpty()));
    }

    private static TagRule tags(YamlNode node) {
        YamlMap map = node.asMap().rejectUnknownKeys(TAG_KEYS);
        return new TagRule(
                map.get("all").map(YamlNode::asStringList).orElse(List.of()),
                map.get("any").map(YamlNode::asStringList).orElse(List.of()),
                map.get("none").map(YamlNode::asStringList).orElse(List.of()));
    }

    private static Range range(YamlNode node, double lowest, ToDoubleFunction<YamlNode> read, double highest) {
        YamlMap map = node.asMap().rejectUnknownKeys(RANGE_KEYS);
        double min = map.get("min").map(read::applyAsDouble).orElse(lowest);
        double max = map.get("max").map(read::applyAsDouble).orElse(highest);
        if (min > max) {
            throw map.keyNode("min").problem("min is above max; swap them");
        }
        return new Range(min, max);
    }

    private static Glob folder(YamlNode node) {
        try {
            return Glob.folder(node.asString());
        } catch (IllegalArgumentException e) {
            throw node.problem(e.getMessage());
        }
    }

    private static Duration age(YamlNode node) {
        String text = node.isScalar() ? node.asString().strip() : "";
        Matcher m = AGE.matcher(text);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw node.problem("expected an age such as 12h, 7d, 4w, 6m or 1y (hours, days, weeks, "
                    + "months of 30 days, years of 365 days), found "
                    + (text.isEmpty() ? "nothing" : "'" + text + "'"));
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            case "m" -> Duration.ofDays(30 * n);
            default -> Duration.ofDays(365 * n);
        };
    }
}
