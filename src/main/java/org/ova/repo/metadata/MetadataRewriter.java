package org.ova.repo.metadata;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ova.repo.yaml.YamlProblem;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Applies a change of a video's metadata to the text of its YAML file the way a person would: only
 * the values of keys whose value changed are rewritten, in place; everything else (comments, blank
 * lines, key order, quoting, keys ova does not know) stays byte for byte. A key set back to its
 * default is removed with its line(s); a new key goes where {@link MetadataTemplate} puts it (in place
 * of its commented-out example when the file has one, else after the keys before it).
 *
 * <p>Why text splicing and not SnakeYAML's comment-keeping serializer: the serializer re-indents,
 * re-quotes and re-spaces untouched values and moves end-of-line comments, so a file a person wrote
 * would change in places they never edited. The positions come from SnakeYAML's composer; the file
 * must already be readable ({@link MetadataReader} is the judge of what it means).
 */
public final class MetadataRewriter {

    private record Key(String name, Function<VideoMetadata, Object> value, Object fallback) {}

    /** The keys in the order of {@link MetadataTemplate}, each with its default (written as no key). */
    private static final List<Key> KEYS = List.of(
            new Key("title", VideoMetadata::title, ""),
            new Key("description", VideoMetadata::description, ""),
            new Key("tags", VideoMetadata::tags, List.of()),
            new Key("rating", VideoMetadata::rating, 0),
            new Key("draft", VideoMetadata::draft, false),
            new Key("vr", VideoMetadata::vr, VrMode.AUTO),
            new Key("chapters", VideoMetadata::chapters, List.of()),
            new Key("markers", VideoMetadata::markers, List.of()));

    private static final int INDENT = 2;

    private MetadataRewriter() {}

    /** One replacement of {@code [start, end)} in the text. */
    private record Splice(int start, int end, String text) {}

    /**
     * The text of {@code file} with {@code after} written over {@code before}.
     *
     * @param text   the file's current text, which must parse as a YAML mapping
     * @param before what {@link MetadataReader} read from {@code text}
     * @param after  the metadata wanted; a title equal to the default title should be passed as
     *               {@code ""} to leave the title to the file name
     * @throws YamlProblem when the text is not a block mapping of keys
     */
    public static String rewrite(Path file, String text, VideoMetadata before, VideoMetadata after) {
        Map<String, NodeTuple> entries = entries(file, text);
        List<Splice> splices = new ArrayList<>();
        // later keys first: of two insertions at one place, the one applied last comes first
        for (int k = KEYS.size() - 1; k >= 0; k--) {
            Key key = KEYS.get(k);
            Object wanted = key.value().apply(after);
            if (Objects.equals(key.value().apply(before), wanted) && !isTitleReset(key, wanted, entries)) {
                continue;
            }
            NodeTuple entry = entries.get(key.name());
            boolean isDefault = Objects.equals(wanted, key.fallback());
            if (entry == null && !isDefault) {
                splices.add(insertion(text, entries, k, after));
            } else if (entry != null && isDefault) {
                int start = lineStart(text, entry.getKeyNode().getStartMark().getIndex());
                splices.add(new Splice(start, lineEnd(text, contentEnd(text, entry.getValueNode())), ""));
            } else if (entry != null) {
                splices.add(replacement(text, entry, key.name(), after));
            }
        }
        if (splices.isEmpty()) {
            return text;
        }
        splices.sort(Comparator.comparingInt(Splice::start).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Splice splice : splices) {
            out.replace(splice.start(), splice.end(), splice.text());
        }
        return out.toString();
    }

    // a title written as "" reads as the default title: clearing it removes the key even when the values match
    private static boolean isTitleReset(Key key, Object wanted, Map<String, NodeTuple> entries) {
        return key.name().equals("title") && "".equals(wanted) && entries.containsKey("title");
    }

    private static Map<String, NodeTuple> entries(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(text.length() + 1, 3 * 1024 * 1024));
        Node root = new Yaml(options).compose(new StringReader(text));
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        if (root == null) {
            return entries;
        }
        if (!(root instanceof MappingNode map) || map.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new YamlProblem(
                    file,
                    1,
                    1,
                    "not written as one key per line, so it cannot be edited in place; "
                            + "edit it by hand or write it as 'key: value' lines");
        }
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.put(key.getValue(), tuple);
            }
        }
        return entries;
    }

    private static Splice replacement(String text, NodeTuple entry, String name, VideoMetadata after) {
        Node old = entry.getValueNode();
        int end = contentEnd(text, old);
        boolean oldIsBlock = old instanceof CollectionNode<?> collection
                && collection.getFlowStyle() == DumperOptions.FlowStyle.BLOCK;
        if (oldIsBlock) {
            int indent = old.getStartMark().getColumn();
            List<String> lines = blockLines(name, after, true);
            if (lines != null) {
                return new Splice(lineStart(text, old.getStartMark().getIndex()), end, indented(lines, indent, false));
            }
            // the new value fits on the key's line: it replaces everything after the colon
            int colon = text.indexOf(':', entry.getKeyNode().getEndMark().getIndex());
            return new Splice(colon + 1, end, " " + inline(name, after));
        }
        List<String> lines = blockLines(name, after, false);
        String value = lines != null ? indented(lines, INDENT, true) : inline(name, after);
        int start = old.getStartMark().getIndex();
        if (start == end) {
            // an empty value ("tags:"): the new one goes right after the colon
            int colon = text.indexOf(':', entry.getKeyNode().getEndMark().getIndex());
            return new Splice(colon + 1, end, lines != null ? value : " " + value);
        }
        return new Splice(start, end, value);
    }

    private static Splice insertion(String text, Map<String, NodeTuple> entries, int index, VideoMetadata after) {
        String name = KEYS.get(index).name();
        List<String> lines = blockLines(name, after, false);
        String entry = name + ":" + (lines != null ? indented(lines, INDENT, true) : " " + inline(name, after)) + "\n";
        int lower = 0;
        boolean hasEarlier = false;
        for (int k = index - 1; k >= 0 && !hasEarlier; k--) {
            NodeTuple earlier = entries.get(KEYS.get(k).name());
            if (earlier != null) {
                lower = lineEnd(text, contentEnd(text, earlier.getValueNode()));
                hasEarlier = true;
            }
        }
        int upper = text.length();
        for (int k = index + 1; k < KEYS.size(); k++) {
            NodeTuple later = entries.get(KEYS.get(k).name());
            if (later != null) {
                upper = Math.min(
                        upper, lineStart(text, later.getKeyNode().getStartMark().getIndex()));
            }
        }
        Matcher example = Pattern.compile("(?m)^# " + name + ":").matcher(text).region(lower, Math.max(lower, upper));
        if (example.find()) {
            return new Splice(example.start(), example.start(), entry);
        }
        int at = hasEarlier ? lower : upper;
        boolean needsBreak = at == text.length() && at > 0 && text.charAt(at - 1) != '\n';
        return new Splice(at, at, needsBreak ? "\n" + entry : entry);
    }

    /** The value as block lines, or null when it is written on the key's line. */
    private static List<String> blockLines(String name, VideoMetadata after, boolean tagsAsBlock) {
        return switch (name) {
            case "vr" -> MetadataYamlValues.vr(after.vr());
            case "chapters" -> MetadataYamlValues.chapters(after.chapters());
            case "markers" -> MetadataYamlValues.markers(after.markers());
            case "tags" -> tagsAsBlock ? MetadataYamlValues.blockList(after.tags()) : null;
            default -> null;
        };
    }

    private static String inline(String name, VideoMetadata after) {
        return switch (name) {
            case "title" -> MetadataYamlValues.text(after.title(), INDENT);
            case "description" -> MetadataYamlValues.text(after.description(), INDENT);
            case "tags" -> MetadataYamlValues.flowList(after.tags());
            case "rating" -> Integer.toString(after.rating());
            case "draft" -> Boolean.toString(after.draft());
            default -> throw new IllegalArgumentException("no one-line form for " + name);
        };
    }

    private static String indented(List<String> lines, int indent, boolean leadingBreak) {
        String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (leadingBreak || out.length() > 0) {
                out.append('\n');
            }
            out.append(pad).append(line);
        }
        return out.toString();
    }

    /**
     * Where the value's own text ends: after its last character, before the comments and blank lines
     * that SnakeYAML counts into a block value up to the next key.
     */
    private static int contentEnd(String text, Node node) {
        if (node instanceof CollectionNode<?> collection
                && collection.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
            int end = node.getStartMark().getIndex();
            if (node instanceof MappingNode map) {
                for (NodeTuple tuple : map.getValue()) {
                    end = Math.max(end, contentEnd(text, tuple.getValueNode()));
                    end = Math.max(end, contentEnd(text, tuple.getKeyNode()));
                }
            } else {
                for (Object child : collection.getValue()) {
                    end = Math.max(end, contentEnd(text, (Node) child));
                }
            }
            return end;
        }
        int end = node.getEndMark().getIndex();
        if (node instanceof ScalarNode scalar
                && (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                        || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED)) {
            while (end > node.getStartMark().getIndex() && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        return end;
    }

    private static int lineStart(String text, int index) {
        return text.lastIndexOf('\n', index - 1) + 1;
    }

    /** After the newline ending the line a value ends on at {@code index}, or the end of the text. */
    private static int lineEnd(String text, int index) {
        int newline = text.indexOf('\n', index);
        return newline < 0 ? text.length() : newline + 1;
    }
}
