package org.ova.repo.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of a YAML document together with where it was written. The {@code as…} methods
 * convert it to Java values or throw a {@link YamlProblem} pointing at this node.
 */
public final class YamlNode {

    private final Path file;
    private final Node node;

    YamlNode(Path file, Node node) {
        this.file = file;
        this.node = node;
    }

    public Path file() {
        return file;
    }

    /** Line of the value, counted from 1. */
    public int line() {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** Column of the value, counted from 1. */
    public int column() {
        return node.getStartMark() == null ? 1 : node.getStartMark().getColumn() + 1;
    }

    /** A problem located at this node. */
    public YamlProblem problem(String reason) {
        return new YamlProblem(file, line(), column(), reason);
    }

    public boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    public YamlMap asMap() {
        if (node instanceof MappingNode mapping) {
            return new YamlMap(file, mapping);
        }
        if (isNull()) {
            return new YamlMap(
                    file,
                    new MappingNode(
                            Tag.MAP,
                            false,
                            new ArrayList<>(),
                            node.getStartMark(),
                            node.getEndMark(),
                            DumperOptions.FlowStyle.AUTO));
        }
        throw problem("expected a mapping of keys to values, found " + kind());
    }

    /** The items of a list; a null value is an empty list. */
    public List<YamlNode> asList() {
        if (node instanceof SequenceNode sequence) {
            List<YamlNode> items = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                items.add(new YamlNode(file, item));
            }
            return items;
        }
        if (isNull()) {
            return List.of();
        }
        throw problem("expected a list, found " + kind());
    }

    /** The items of a list, where a single scalar also counts as a list of one ({@code tags: holiday}). */
    public List<YamlNode> asListOrSingle() {
        return isScalar() ? List.of(this) : asList();
    }

    /** A list of strings, trimmed, with blanks dropped. */
    public List<String> asStringList() {
        return asStringList(YamlLimits.MAX_TEXT_CHARS);
    }

    /** A list of strings, trimmed, with blanks dropped, each at most {@code maxChars} long. */
    public List<String> asStringList(int maxChars) {
        List<String> values = new ArrayList<>();
        for (YamlNode item : asListOrSingle()) {
            String value = item.asString(maxChars).trim();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    /** The text of a scalar; null becomes the empty string. */
    public String asString() {
        if (isNull()) {
            return "";
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw problem("expected a text value, found " + kind());
    }

    /** The text of a scalar, at most {@code maxChars} long (see {@link YamlLimits}). */
    public String asString(int maxChars) {
        String text = asString();
        if (text.length() > maxChars) {
            throw problem("this text has " + text.length() + " characters, more than the limit of "
                    + YamlLimits.size(maxChars) + " here: shorten it");
        }
        return text;
    }

    public boolean asBoolean() {
        String text = scalarText("true or false").toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw problem("expected true or false, found '" + text + "'");
        };
    }

    /** An integer within {@code [min, max]}. */
    public long asLong(long min, long max) {
        String text = scalarText("a whole number").replace("_", "");
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw problem("expected a whole number, found '" + text + "'");
        }
        if (value < min || value > max) {
            throw problem("expected a number from " + min + " to " + max + ", found " + value);
        }
        return value;
    }

    public int asInt(int min, int max) {
        return (int) asLong(min, max);
    }

    /** A decimal number within {@code [min, max]}. */
    public double asDouble(double min, double max) {
        String text = scalarText("a number").replace("_", "");
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw problem("expected a number, found '" + text + "'");
        }
        if (Double.isNaN(value) || value < min || value > max) {
            throw problem("expected a number from " + format(min) + " to " + format(max) + ", found " + text);
        }
        return value;
    }

    /**
     * One of a fixed set of words, compared without case. The error lists the allowed words.
     *
     * @param allowed the words in the order to show them, mapped to their values
     */
    public <T> T asChoice(Map<String, T> allowed) {
        String text = scalarText("one of " + String.join(", ", allowed.keySet()));
        for (Map.Entry<String, T> entry : allowed.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(text.trim())) {
                return entry.getValue();
            }
        }
        throw problem("'" + text + "' is not allowed here; use one of: " + String.join(", ", allowed.keySet()));
    }

    /** An enum constant, written in lower case in YAML; the error lists the allowed values. */
    public <E extends Enum<E>> E asEnum(Class<E> type, Function<E, String> yamlName) {
        Map<String, E> allowed = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            allowed.put(yamlName.apply(constant), constant);
        }
        return asChoice(allowed);
    }

    private String scalarText(String expected) {
        if (node instanceof ScalarNode scalar && !isNull()) {
            return scalar.getValue().trim();
        }
        throw problem("expected " + expected + ", found " + kind());
    }

    private String kind() {
        if (isNull()) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        String value = ((ScalarNode) node).getValue();
        // a message quotes a pasted page only by its start
        return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    @Override
    public String toString() {
        return file + ":" + line() + ":" + column() + " " + kind();
    }
}
