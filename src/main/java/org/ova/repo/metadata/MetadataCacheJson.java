package org.ova.repo.metadata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ova.repo.JsonTokens;
import org.ova.repo.OneEntryPerLine;
import org.ova.repo.metadata.MetadataCache.Entry;

/**
 * The metadata cache's file format: JSON with named fields, one metadata file per line
 * ({@code {"version":2,"files":[{"path":…,"size":…,"title":…},…]}}). Read and written with
 * Jackson's streaming API, token by token, because it is read on every build and data binding
 * costs seconds on a cold JVM at ten thousand entries. Reading fails with an
 * {@link IllegalArgumentException} or {@link IOException} on anything the format does not say, so a
 * damaged file reads as "rebuild me" rather than as wrong metadata.
 */
final class MetadataCacheJson {

    /** Bumped when the format changes incompatibly; other versions read as unusable. */
    static final int FORMAT_VERSION = 2;

    private static final JsonFactory JSON = new JsonFactory();

    private MetadataCacheJson() {}

    static byte[] encode(Map<String, Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * 400);
        try (JsonGenerator out = JSON.createGenerator(bytes).setPrettyPrinter(new OneEntryPerLine())) {
            out.writeStartObject();
            out.writeNumberField("version", FORMAT_VERSION);
            out.writeArrayFieldStart("files");
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                write(out, e.getKey(), e.getValue());
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /** The entries in {@code bytes}, in a map safe for concurrent use. */
    static Map<String, Entry> decode(byte[] bytes) throws IOException {
        try (JsonParser parser = JSON.createParser(bytes)) {
            return read(parser);
        }
    }

    private static void write(JsonGenerator out, String path, Entry entry) throws IOException {
        FileStamp stamp = entry.stamp();
        VideoMetadata m = entry.metadata();
        out.writeStartObject();
        out.writeStringField("path", path);
        out.writeNumberField("size", stamp.size());
        out.writeNumberField("modifiedMillis", stamp.modifiedMillis());
        out.writeNumberField("changedNanos", stamp.changedNanos());
        out.writeNumberField("inode", stamp.inode());
        out.writeStringField("title", m.title());
        out.writeStringField("description", m.description());
        writeStrings(out, "tags", m.tags());
        out.writeNumberField("rating", m.rating());
        out.writeStringField("projection", m.vr().projection().name());
        out.writeStringField("stereo", m.vr().stereo().name());
        out.writeBooleanField("draft", m.draft());
        out.writeArrayFieldStart("chapters");
        for (Chapter chapter : m.chapters()) {
            out.writeStartObject();
            out.writeNumberField("start", chapter.start());
            out.writeStringField("title", chapter.title());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("markers");
        for (Marker marker : m.markers()) {
            out.writeStartObject();
            out.writeNumberField("at", marker.at());
            out.writeStringField("label", marker.label());
            writeStrings(out, "tags", marker.tags());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeStrings(JsonGenerator out, String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    private static Map<String, Entry> read(JsonParser in) throws IOException {
        JsonTokens.require(in.nextToken(), JsonToken.START_OBJECT, "an object");
        Integer version = null;
        Map<String, Entry> entries = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            if (field.equals("version") && value == JsonToken.VALUE_NUMBER_INT) {
                version = in.getIntValue();
            } else if (field.equals("files")
                    && value == JsonToken.START_ARRAY
                    && Integer.valueOf(FORMAT_VERSION).equals(version)) {
                entries = readEntries(in);
            } else {
                in.skipChildren();
            }
        }
        if (version == null || version != FORMAT_VERSION || entries == null) {
            throw new IllegalArgumentException("not a version " + FORMAT_VERSION + " metadata cache with files");
        }
        return entries;
    }

    private static Map<String, Entry> readEntries(JsonParser in) throws IOException {
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        while (in.nextToken() == JsonToken.START_OBJECT) {
            EntryFields e = new EntryFields();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                switch (field) {
                    case "path" -> e.path = text(in, value);
                    case "size" -> e.size = whole(in, value);
                    case "modifiedMillis" -> e.modified = whole(in, value);
                    case "changedNanos" -> e.changed = whole(in, value);
                    case "inode" -> e.inode = whole(in, value);
                    case "title" -> e.title = text(in, value);
                    case "description" -> e.description = text(in, value);
                    case "tags" -> e.tags = strings(in, value);
                    case "rating" -> e.rating = whole(in, value);
                    case "projection" -> e.projection = VrMode.Projection.valueOf(text(in, value));
                    case "stereo" -> e.stereo = VrMode.Stereo.valueOf(text(in, value));
                    case "draft" -> e.draft = bool(value);
                    case "chapters" -> e.chapters = chapters(in, value);
                    case "markers" -> e.markers = markers(in, value);
                    default -> in.skipChildren();
                }
            }
            entries.put(e.requirePath(), e.entry());
        }
        JsonTokens.require(in.currentToken(), JsonToken.END_ARRAY, "a file object");
        return entries;
    }

    /** One entry's fields as they are read, in any order; null or absent until seen. */
    private static final class EntryFields {
        String path;
        Long size;
        Long modified;
        Long changed;
        Long inode;
        String title;
        String description;
        List<String> tags;
        Long rating;
        VrMode.Projection projection;
        VrMode.Stereo stereo;
        Boolean draft;
        List<Chapter> chapters;
        List<Marker> markers;

        String requirePath() {
            if (path == null) {
                throw new IllegalArgumentException("a file entry has no path");
            }
            return path;
        }

        Entry entry() {
            if (size == null
                    || modified == null
                    || changed == null
                    || inode == null
                    || title == null
                    || description == null
                    || tags == null
                    || rating == null
                    || projection == null
                    || stereo == null
                    || draft == null
                    || chapters == null
                    || markers == null) {
                throw new IllegalArgumentException("entry " + path + " lacks a field");
            }
            return new Entry(
                    new FileStamp(size, modified, changed, inode),
                    new VideoMetadata(
                            title,
                            description,
                            tags,
                            Math.toIntExact(rating),
                            chapters,
                            markers,
                            new VrMode(projection, stereo),
                            draft));
        }
    }

    private static List<Chapter> chapters(JsonParser in, JsonToken start) throws IOException {
        JsonTokens.require(start, JsonToken.START_ARRAY, "a list of chapters");
        List<Chapter> chapters = new ArrayList<>();
        while (in.nextToken() == JsonToken.START_OBJECT) {
            Double at = null;
            String title = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                switch (field) {
                    case "start" -> at = number(in, value);
                    case "title" -> title = text(in, value);
                    default -> in.skipChildren();
                }
            }
            if (at == null || title == null) {
                throw new IllegalArgumentException("a chapter lacks its start or title");
            }
            chapters.add(new Chapter(at, title));
        }
        JsonTokens.require(in.currentToken(), JsonToken.END_ARRAY, "a chapter object");
        return chapters;
    }

    private static List<Marker> markers(JsonParser in, JsonToken start) throws IOException {
        JsonTokens.require(start, JsonToken.START_ARRAY, "a list of markers");
        List<Marker> markers = new ArrayList<>();
        while (in.nextToken() == JsonToken.START_OBJECT) {
            Double at = null;
            String label = null;
            List<String> tags = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                switch (field) {
                    case "at" -> at = number(in, value);
                    case "label" -> label = text(in, value);
                    case "tags" -> tags = strings(in, value);
                    default -> in.skipChildren();
                }
            }
            if (at == null || label == null || tags == null) {
                throw new IllegalArgumentException("a marker lacks its time, label or tags");
            }
            markers.add(new Marker(at, label, tags));
        }
        JsonTokens.require(in.currentToken(), JsonToken.END_ARRAY, "a marker object");
        return markers;
    }

    private static List<String> strings(JsonParser in, JsonToken start) throws IOException {
        JsonTokens.require(start, JsonToken.START_ARRAY, "a list of strings");
        List<String> values = new ArrayList<>();
        JsonToken token;
        while ((token = in.nextToken()) == JsonToken.VALUE_STRING) {
            values.add(in.getText());
        }
        JsonTokens.require(token, JsonToken.END_ARRAY, "a string");
        return values;
    }

    private static String text(JsonParser in, JsonToken value) throws IOException {
        JsonTokens.require(value, JsonToken.VALUE_STRING, "a string");
        return in.getText();
    }

    private static long whole(JsonParser in, JsonToken value) throws IOException {
        JsonTokens.require(value, JsonToken.VALUE_NUMBER_INT, "a whole number");
        return in.getLongValue();
    }

    private static double number(JsonParser in, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IllegalArgumentException("expected a number but found " + value);
        }
        return in.getDoubleValue();
    }

    private static boolean bool(JsonToken value) {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw new IllegalArgumentException("expected true or false but found " + value);
        }
        return value == JsonToken.VALUE_TRUE;
    }
}
