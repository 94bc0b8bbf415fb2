package org.ova.repo.metadata;

import static org.ova.repo.JsonTokens.expect;
import static org.ova.repo.JsonTokens.expectField;
import static org.ova.repo.JsonTokens.expectVersion;
import static org.ova.repo.JsonTokens.nextLong;
import static org.ova.repo.JsonTokens.nextStrings;
import static org.ova.repo.JsonTokens.nextText;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ova.repo.AtomicFiles;

/**
 * Machine data remembering each metadata file as last parsed, keyed by its path, size and
 * modification time, so a build where nothing was edited parses no YAML at all (parsing ten
 * thousand files costs seconds on a cold JVM; reading this one file costs a fraction of that).
 * Any edit changes the size or time and the file is parsed again. Safe to delete; a broken cache
 * reads as empty. Safe for concurrent {@link #get}/{@link #put}.
 */
public final class MetadataCache {

    static final int FORMAT_VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private record Entry(long size, long modifiedMillis, VideoMetadata metadata) {
    }

    private final Map<String, Entry> entries;
    private volatile boolean changed;

    private MetadataCache(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static MetadataCache empty() {
        return new MetadataCache(new ConcurrentHashMap<>());
    }

    /** The cache in {@code file}; empty when it is missing, from another version, or broken. */
    public static MetadataCache load(Path file) {
        try (JsonParser parser = JSON.createParser(Files.readAllBytes(file))) {
            return new MetadataCache(read(parser));
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    /** The metadata parsed from {@code path} when the file still has this size and time. */
    public Optional<VideoMetadata> get(String path, long size, long modifiedMillis) {
        Entry entry = entries.get(path);
        return entry != null && entry.size() == size && entry.modifiedMillis() == modifiedMillis
                ? Optional.of(entry.metadata())
                : Optional.empty();
    }

    public void put(String path, long size, long modifiedMillis, VideoMetadata metadata) {
        Entry previous = entries.put(path, new Entry(size, modifiedMillis, metadata));
        if (!new Entry(size, modifiedMillis, metadata).equals(previous)) {
            changed = true;
        }
    }

    /**
     * Forgets paths not in {@code livePaths}, then writes the cache when anything changed.
     *
     * @return true when the file was written
     */
    public boolean saveIfChanged(Path file, Set<String> livePaths) {
        if (entries.keySet().retainAll(livePaths)) {
            changed = true;
        }
        if (!changed && Files.exists(file)) {
            return false;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * 300);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("version", FORMAT_VERSION);
            out.writeObjectFieldStart("files");
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                out.writeFieldName(e.getKey());
                write(out, e.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the metadata cache " + file, e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
        changed = false;
        return true;
    }

    private static void write(JsonGenerator out, Entry entry) throws IOException {
        VideoMetadata m = entry.metadata();
        out.writeStartArray();
        out.writeNumber(entry.size());
        out.writeNumber(entry.modifiedMillis());
        out.writeString(m.title());
        out.writeString(m.description());
        writeStrings(out, m.tags());
        out.writeNumber(m.rating());
        out.writeString(m.vr().projection().name());
        out.writeString(m.vr().stereo().name());
        out.writeBoolean(m.draft());
        out.writeStartArray();
        for (Chapter chapter : m.chapters()) {
            out.writeNumber(chapter.start());
            out.writeString(chapter.title());
        }
        out.writeEndArray();
        out.writeStartArray();
        for (Marker marker : m.markers()) {
            out.writeNumber(marker.at());
            out.writeString(marker.label());
            writeStrings(out, marker.tags());
        }
        out.writeEndArray();
        out.writeEndArray();
    }

    private static void writeStrings(JsonGenerator out, List<String> values) throws IOException {
        out.writeStartArray();
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    private static Map<String, Entry> read(JsonParser in) throws IOException {
        expect(in.nextToken(), JsonToken.START_OBJECT);
        expectVersion(in, FORMAT_VERSION);
        expectField(in, "files");
        expect(in.nextToken(), JsonToken.START_OBJECT);
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String path = in.currentName();
            entries.put(path, readEntry(in));
        }
        return entries;
    }

    private static Entry readEntry(JsonParser in) throws IOException {
        expect(in.nextToken(), JsonToken.START_ARRAY);
        long size = nextLong(in);
        long modified = nextLong(in);
        String title = nextText(in);
        String description = nextText(in);
        List<String> tags = nextStrings(in);
        int rating = (int) nextLong(in);
        VrMode vr = new VrMode(VrMode.Projection.valueOf(nextText(in)), VrMode.Stereo.valueOf(nextText(in)));
        boolean draft = in.nextToken() == JsonToken.VALUE_TRUE;
        expect(in.nextToken(), JsonToken.START_ARRAY);
        List<Chapter> chapters = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            double start = in.getDoubleValue();
            chapters.add(new Chapter(start, nextText(in)));
        }
        expect(in.nextToken(), JsonToken.START_ARRAY);
        List<Marker> markers = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            double at = in.getDoubleValue();
            String label = nextText(in);
            markers.add(new Marker(at, label, nextStrings(in)));
        }
        expect(in.nextToken(), JsonToken.END_ARRAY);
        return new Entry(size, modified,
                new VideoMetadata(title, description, tags, rating, chapters, markers, vr, draft));
    }
}
