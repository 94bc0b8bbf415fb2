package org.ova.server.edit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.Marker;
import org.ova.repo.metadata.TimeCode;
import org.ova.repo.metadata.VrMode;

/**
 * Reads the JSON bodies of edits into {@link VideoPatch} and {@link BulkEdit}, with the field names of
 * {@link EditJsonWriter}. Times are seconds ({@code 65.5}) or clock text ({@code "1:05.5"}); a field
 * sent as {@code null} means its default. Every field of the wrong type is reported, by its path, and
 * left out of the result; the read-only fields the state carries ({@code id}, {@code etag},
 * {@code duration}) may be sent back and are ignored.
 */
public final class EditJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PATCH_FIELDS = Set.of(
            "title", "description", "tags", "rating", "draft", "vr", "chapters", "markers", "id", "etag", "duration");
    private static final Set<String> BULK_FIELDS = Set.of("ids", "addTags", "removeTags", "rating");

    private final List<EditProblem> problems = new ArrayList<>();

    private EditJsonReader() {}

    /** The patch in {@code body}; problems found go to {@code problems} and their fields are left out. */
    public static VideoPatch patch(byte[] body, List<EditProblem> problems) {
        EditJsonReader reader = new EditJsonReader();
        JsonNode root = reader.object(body, PATCH_FIELDS);
        VideoPatch patch = root == null ? VideoPatch.none() : reader.patch(root);
        problems.addAll(reader.problems);
        return patch;
    }

    /** The patch of a body that may hold only {@code chapters} (an upload's chapter editor); see {@link #patch}. */
    public static VideoPatch chapters(byte[] body, List<EditProblem> problems) {
        EditJsonReader reader = new EditJsonReader();
        JsonNode root = reader.object(body, Set.of("chapters"));
        VideoPatch patch = root == null ? VideoPatch.none() : reader.patch(root);
        if (root != null && patch.chapters().isEmpty() && reader.problems.isEmpty()) {
            reader.problems.add(new EditProblem("chapters", "missing: send the list of chapters ([] for none)"));
        }
        problems.addAll(reader.problems);
        return patch;
    }

    /** The bulk edit in {@code body}; see {@link #patch}. */
    public static BulkEdit bulk(byte[] body, List<EditProblem> problems) {
        EditJsonReader reader = new EditJsonReader();
        JsonNode root = reader.object(body, BULK_FIELDS);
        BulkEdit edit = root == null
                ? new BulkEdit(List.of(), List.of(), List.of(), Optional.empty())
                : new BulkEdit(
                        reader.field(root, "ids", n -> reader.strings(n, "ids")).orElse(List.of()),
                        reader.field(root, "addTags", n -> reader.strings(n, "addTags"))
                                .orElse(List.of()),
                        reader.field(root, "removeTags", n -> reader.strings(n, "removeTags"))
                                .orElse(List.of()),
                        reader.field(root, "rating", n -> reader.rating(n)));
        problems.addAll(reader.problems);
        return edit;
    }

    private JsonNode object(byte[] body, Set<String> known) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add(new EditProblem("", "not valid JSON" + where + ": " + e.getOriginalMessage()));
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            problems.add(new EditProblem("", "expected a JSON object such as {\"rating\": 4}"));
            return null;
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new EditProblem(
                        name,
                        "unknown field; known fields: "
                                + String.join(", ", known.stream().sorted().toList())));
            }
        }
        return root;
    }

    private VideoPatch patch(JsonNode root) {
        return new VideoPatch(
                field(root, "title", n -> n.isNull() ? "" : text(n, "title")),
                field(root, "description", n -> n.isNull() ? "" : text(n, "description")),
                field(root, "tags", n -> n.isNull() ? List.of() : strings(n, "tags")),
                field(root, "rating", n -> n.isNull() ? 0 : rating(n)),
                field(root, "draft", n -> n.isNull() ? false : bool(n, "draft")),
                field(root, "vr", n -> n.isNull() ? VrMode.AUTO : vr(n)),
                field(root, "chapters", n -> n.isNull() ? List.of() : list(n, "chapters", this::chapter)),
                field(root, "markers", n -> n.isNull() ? List.of() : list(n, "markers", this::marker)));
    }

    /** Thrown inside a field's reading when its value has the wrong type; already recorded. */
    private static final class WrongType extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongType() {
            super(null, null, false, false);
        }
    }

    private <T> Optional<T> field(JsonNode root, String name, Function<JsonNode, T> read) {
        JsonNode node = root.get(name);
        if (node == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(read.apply(node));
        } catch (WrongType e) {
            return Optional.empty();
        }
    }

    private WrongType wrong(String path, String expected) {
        problems.add(new EditProblem(path, "expected " + expected));
        return new WrongType();
    }

    private String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw wrong(path, "a text");
        }
        return node.textValue();
    }

    private boolean bool(JsonNode node, String path) {
        if (!node.isBoolean()) {
            throw wrong(path, "true or false");
        }
        return node.booleanValue();
    }

    private int rating(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrong("rating", "a whole number from 0 (unrated) to 5");
        }
        return node.intValue();
    }

    private List<String> strings(JsonNode node, String path) {
        return list(node, path, (item, itemPath) -> text(item, itemPath));
    }

    private interface ItemReader<T> {
        T read(JsonNode item, String path);
    }

    /**
     * The items of a list; an item of the wrong type is reported and stands as {@code null}, so the
     * other items are still checked under their own indexes (the edit is refused anyway).
     */
    private <T> List<T> list(JsonNode node, String path, ItemReader<T> read) {
        if (!node.isArray()) {
            throw wrong(path, "a list");
        }
        List<T> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            try {
                items.add(read.read(node.get(i), path + "[" + i + "]"));
            } catch (WrongType e) {
                items.add(null);
            }
        }
        return items;
    }

    private VrMode vr(JsonNode node) {
        Map<String, JsonNode> fields = fields(node, "vr", Set.of("projection", "stereo"));
        VrMode.Projection projection = choice(
                fields.get("projection"),
                "vr.projection",
                VrMode.Projection.values(),
                VrMode.Projection::yamlName,
                VrMode.Projection.AUTO);
        VrMode.Stereo stereo = choice(
                fields.get("stereo"), "vr.stereo", VrMode.Stereo.values(), VrMode.Stereo::yamlName, VrMode.Stereo.AUTO);
        return new VrMode(projection, stereo);
    }

    private <E> E choice(JsonNode node, String path, E[] values, Function<E, String> name, E fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        String text = node.isNumber() ? node.asText() : text(node, path);
        for (E value : values) {
            if (name.apply(value).equalsIgnoreCase(text.strip())) {
                return value;
            }
        }
        throw wrong(
                path,
                "one of "
                        + String.join(
                                ", ", java.util.Arrays.stream(values).map(name).toList()));
    }

    private Chapter chapter(JsonNode node, String path) {
        Map<String, JsonNode> fields = fields(node, path, Set.of("at", "title"));
        return new Chapter(time(fields.get("at"), path + ".at"), optionalText(fields.get("title"), path + ".title"));
    }

    private Marker marker(JsonNode node, String path) {
        Map<String, JsonNode> fields = fields(node, path, Set.of("at", "label", "tags"));
        JsonNode tags = fields.get("tags");
        return new Marker(
                time(fields.get("at"), path + ".at"),
                optionalText(fields.get("label"), path + ".label"),
                tags == null || tags.isNull() ? List.of() : strings(tags, path + ".tags"));
    }

    private Map<String, JsonNode> fields(JsonNode node, String path, Set<String> known) {
        if (!node.isObject()) {
            throw wrong(
                    path,
                    "an object with "
                            + String.join(", ", known.stream().sorted().toList()));
        }
        Map<String, JsonNode> fields = new java.util.HashMap<>();
        node.fields().forEachRemaining(field -> {
            if (known.contains(field.getKey())) {
                fields.put(field.getKey(), field.getValue());
            } else {
                problems.add(new EditProblem(path + "." + field.getKey(), "unknown field"));
            }
        });
        return fields;
    }

    private String optionalText(JsonNode node, String path) {
        return node == null || node.isNull() ? "" : text(node, path);
    }

    private double time(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw wrong(path, "a time: seconds (65.5) or \"1:05.5\"");
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        try {
            return TimeCode.parse(text(node, path));
        } catch (IllegalArgumentException e) {
            problems.add(new EditProblem(path, e.getMessage()));
            throw new WrongType();
        }
    }
}
