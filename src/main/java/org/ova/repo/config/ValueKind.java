package org.ova.repo.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ova.repo.Glob;
import org.ova.repo.yaml.YamlNode;

/**
 * One kind of config value: how to decode and check it from YAML, how to write it back, and the
 * allowed values to show beside it. Decoding and writing live together so the defaults file and
 * the reader cannot disagree on a format.
 *
 * @param decoder turns a present, non-null node into a value or throws a positioned problem
 * @param writer  writes a value as YAML that {@code decoder} reads back to the same value
 * @param allowed the allowed values or range for the comment, or empty when obvious
 */
record ValueKind<T>(Function<YamlNode, T> decoder, Function<T, String> writer, String allowed) {

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]+");

    T decode(YamlNode node) {
        return decoder.apply(node);
    }

    String write(T value) {
        return writer.apply(value);
    }

    static ValueKind<Boolean> bool() {
        return new ValueKind<>(YamlNode::asBoolean, String::valueOf, "");
    }

    static ValueKind<Integer> wholeNumber(int min, int max) {
        return new ValueKind<>(node -> node.asInt(min, max), String::valueOf, min + " to " + max);
    }

    static ValueKind<Double> decimal(double min, double max) {
        return new ValueKind<>(
                node -> node.asDouble(min, max),
                ValueKind::formatDecimal,
                formatDecimal(min) + " to " + formatDecimal(max));
    }

    static <E extends Enum<E>> ValueKind<E> choice(Class<E> type, Function<E, String> yamlName) {
        String words = List.of(type.getEnumConstants()).stream().map(yamlName).collect(Collectors.joining(", "));
        return new ValueKind<>(node -> node.asEnum(type, yamlName), yamlName, words);
    }

    /** Any text (blank text never gets here: it means the default, see {@link SectionReader}). */
    static ValueKind<String> text() {
        return new ValueKind<>(YamlNode::asString, ValueKind::quote, "");
    }

    /** One word matching {@code pattern}; {@code example} shows a valid one in the complaint. */
    static ValueKind<String> word(Pattern pattern, String example) {
        return new ValueKind<>(
                node -> {
                    String value = node.asString().trim();
                    if (!pattern.matcher(value).matches()) {
                        throw node.problem("'" + value + "' is not allowed here; write one word like " + example);
                    }
                    return value;
                },
                ValueKind::quote,
                "");
    }

    /** File extensions without the dot, lower-cased, in the order written, at least one. */
    static ValueKind<List<String>> extensionList() {
        return new ValueKind<>(
                node -> {
                    Set<String> extensions = new LinkedHashSet<>();
                    for (YamlNode item : node.asListOrSingle()) {
                        String written = item.asString().trim();
                        String extension =
                                (written.startsWith(".") ? written.substring(1) : written).toLowerCase(Locale.ROOT);
                        if (!EXTENSION.matcher(extension).matches()) {
                            throw item.problem("'" + written + "' is not a file extension; write it like mp4 or .mp4");
                        }
                        extensions.add(extension);
                    }
                    if (extensions.isEmpty()) {
                        throw node.problem("list at least one video file extension, like [mp4, mkv]");
                    }
                    return List.copyOf(extensions);
                },
                ValueKind::flowList,
                "");
    }

    /** Glob patterns relative to the library folder, each checked to compile. */
    static ValueKind<List<String>> globList() {
        return new ValueKind<>(
                node -> {
                    List<String> globs = new ArrayList<>();
                    for (YamlNode item : node.asListOrSingle()) {
                        String glob = item.asString().trim();
                        if (glob.isEmpty()) {
                            continue;
                        }
                        if (glob.startsWith("/")) {
                            throw item.problem(
                                    "'" + glob + "' starts with /; write patterns relative to the library folder");
                        }
                        try {
                            Glob.compile(glob);
                        } catch (IllegalArgumentException e) {
                            throw item.problem(e.getMessage());
                        }
                        globs.add(glob);
                    }
                    return List.copyOf(globs);
                },
                ValueKind::flowList,
                "");
    }

    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String flowList(List<String> items) {
        return items.stream()
                .map(item -> PLAIN_WORD.matcher(item).matches() ? item : quote(item))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String formatDecimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
