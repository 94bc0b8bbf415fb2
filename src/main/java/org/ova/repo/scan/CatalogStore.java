package org.ova.repo.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ova.repo.AtomicFiles;
import org.ova.repo.JsonTokens;
import org.ova.repo.LibraryLayout;
import org.ova.repo.OneEntryPerLine;

/**
 * Reads and writes the catalogue file ({@link LibraryLayout#catalogFile()}) as JSON, one entry per
 * line. The catalogue is rebuildable, so a missing or broken file is never fatal: it reads as
 * empty, with one warning naming the file, where it broke and what that costs, when the file was
 * there but could not be used. Paths that would lead out of the library (absolute, {@code ..})
 * make the file unusable too, since metadata files are moved by these paths.
 *
 * <p>It is read on every build, so it uses Jackson's streaming parser rather than data binding:
 * for ten thousand entries that halves the cost of a cold start, which dominates a build where
 * nothing changed.
 */
public final class CatalogStore {

    /** Bumped when the file format changes incompatibly; other versions read as empty. */
    static final int FORMAT_VERSION = 1;

    private final JsonFactory json = new JsonFactory();

    /**
     * A catalogue as read from disk.
     *
     * @param intact  false when the file was missing or unusable, so it should be written even if
     *                the catalogue to store is equal to this (empty) one
     * @param warning why the file was unusable, when it existed
     */
    public record Loaded(Catalog catalog, boolean intact, Optional<String> warning) {}

    public Loaded load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(Catalog.empty(), false, Optional.empty());
        } catch (IOException e) {
            return unusable(file, "cannot be read (" + e + ")");
        }
        try (JsonParser parser = json.createParser(bytes)) {
            return new Loaded(read(parser), true, Optional.empty());
        } catch (JsonParseException e) {
            return unusable(
                    file,
                    "is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + " (" + reason(e) + ")");
        } catch (IOException | IllegalArgumentException e) {
            return unusable(file, "is not a version " + FORMAT_VERSION + " catalogue (" + e.getMessage() + ")");
        }
    }

    /** Writes {@code catalog} atomically, replacing whatever the file held. */
    public void save(Path file, Catalog catalog) {
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(64 + catalog.entries().size() * 220);
        try (JsonGenerator out = json.createGenerator(bytes).setPrettyPrinter(new OneEntryPerLine())) {
            out.writeStartObject();
            out.writeNumberField("version", FORMAT_VERSION);
            out.writeArrayFieldStart("entries");
            for (CatalogEntry e : catalog.entries()) {
                out.writeStartObject();
                out.writeStringField("id", e.id());
                out.writeStringField("path", e.path());
                out.writeNumberField("size", e.size());
                out.writeNumberField("modifiedMillis", e.modifiedMillis());
                out.writeStringField("fingerprint", e.fingerprint());
                out.writeStringField("added", e.added().toString());
                if (!e.formerPaths().isEmpty()) {
                    out.writeArrayFieldStart("formerPaths");
                    for (String former : e.formerPaths()) {
                        out.writeString(former);
                    }
                    out.writeEndArray();
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the catalogue for " + file, e);
        }
        bytes.write('\n');
        AtomicFiles.write(file, bytes.toByteArray());
    }

    private static Catalog read(JsonParser parser) throws IOException {
        JsonTokens.require(parser.nextToken(), JsonToken.START_OBJECT, "an object");
        Integer version = null;
        List<CatalogEntry> entries = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("version") && value == JsonToken.VALUE_NUMBER_INT) {
                version = parser.getIntValue();
            } else if (field.equals("entries") && value == JsonToken.START_ARRAY) {
                entries = readEntries(parser);
            } else {
                parser.skipChildren();
            }
        }
        if (version == null || version != FORMAT_VERSION || entries == null) {
            throw new IllegalArgumentException("not a version " + FORMAT_VERSION + " catalogue with entries");
        }
        return new Catalog(entries);
    }

    private static List<CatalogEntry> readEntries(JsonParser parser) throws IOException {
        List<CatalogEntry> entries = new ArrayList<>();
        // entries added in one build share their time, so most parses are skipped
        Map<String, Instant> times = new HashMap<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String id = null;
            String path = null;
            String fingerprint = null;
            String added = null;
            List<String> formerPaths = List.of();
            long size = -1;
            long modified = Long.MIN_VALUE;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean text = value == JsonToken.VALUE_STRING;
                boolean number = value == JsonToken.VALUE_NUMBER_INT;
                switch (field) {
                    case "id" -> id = text ? parser.getText() : null;
                    case "path" -> path = text ? parser.getText() : null;
                    case "fingerprint" -> fingerprint = text ? parser.getText() : null;
                    case "added" -> added = text ? parser.getText() : null;
                    case "size" -> size = number ? parser.getLongValue() : -1;
                    case "modifiedMillis" -> modified = number ? parser.getLongValue() : Long.MIN_VALUE;
                    case "formerPaths" -> formerPaths = value == JsonToken.START_ARRAY ? paths(parser, path) : null;
                    default -> parser.skipChildren();
                }
            }
            entries.add(entry(id, path, size, modified, fingerprint, added, times, formerPaths));
        }
        JsonTokens.require(parser.currentToken(), JsonToken.END_ARRAY, "an entry object");
        return entries;
    }

    /** Jackson's message without its second line and its note on where the object started. */
    private static String reason(JsonParseException e) {
        String message = e.getOriginalMessage().lines().findFirst().orElse("");
        int note = message.indexOf(" (start marker at");
        return note < 0 ? message : message.substring(0, note);
    }

    private static List<String> paths(JsonParser parser, String entry) throws IOException {
        List<String> paths = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            paths.add(parser.getText());
        }
        JsonTokens.require(parser.currentToken(), JsonToken.END_ARRAY, "paths in formerPaths of entry " + entry);
        return paths;
    }

    private static CatalogEntry entry(
            String id,
            String path,
            long size,
            long modified,
            String fingerprint,
            String added,
            Map<String, Instant> times,
            List<String> formerPaths) {
        if (id == null
                || path == null
                || fingerprint == null
                || added == null
                || size < 0
                || modified == Long.MIN_VALUE
                || formerPaths == null) {
            throw new IllegalArgumentException("entry " + (path == null ? "#" + times.size() : path)
                    + " lacks one of id, path, size, modifiedMillis, fingerprint, added"
                    + (formerPaths == null ? ", or its formerPaths is not a list" : ""));
        }
        if (!staysInside(path) || !formerPaths.stream().allMatch(CatalogStore::staysInside)) {
            throw new IllegalArgumentException("entry " + path + " has a path that leads out of the library");
        }
        if (fingerprint.length() < Fingerprint.ID_LENGTH
                || !new Fingerprint(fingerprint).videoId().equals(id)) {
            throw new IllegalArgumentException("entry " + path + " has an id that does not match its fingerprint");
        }
        Instant time = times.get(added);
        if (time == null) {
            try {
                time = Instant.parse(added);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("entry " + path + " has a bad 'added' time: " + added);
            }
            times.put(added, time);
        }
        return new CatalogEntry(id, path, size, modified, fingerprint, time, formerPaths);
    }

    /** A relative path of names separated by {@code /} (or the platform's separator), none empty, . or .. */
    static boolean staysInside(String path) {
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/' || path.charAt(i) == File.separatorChar) {
                int length = i - start;
                if (length == 0
                        || (path.startsWith(".", start)
                                && (length == 1 || (length == 2 && path.charAt(start + 1) == '.')))) {
                    return false;
                }
                start = i + 1;
            }
        }
        return path.indexOf('\0') < 0 && !Path.of(path).isAbsolute();
    }

    private static Loaded unusable(Path file, String reason) {
        return new Loaded(
                Catalog.empty(),
                false,
                Optional.of("catalogue " + file + " " + reason
                        + ": it is rebuilt from the videos, which keep their ids, but 'added' dates start again from now"
                        + " and renames since the last build are not recognised (metadata is matched by path)"));
    }
}
