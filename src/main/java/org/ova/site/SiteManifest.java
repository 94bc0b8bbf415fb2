package org.ova.site;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ova.repo.AtomicFiles;
import org.ova.repo.LibraryLayout;

/**
 * Which files ova wrote into each site folder of a library, and the fingerprint of the inputs that
 * made them: {@code .ova-repo/machine/site-files.json}, keyed by the site folder as seen from the
 * library root (so it stays valid when the library and its site move together). It lives outside
 * the published folder, and a folder it names is one ova made: ova deletes only files listed here,
 * and writes into a folder that is not listed only when it is empty or the build is forced.
 */
public final class SiteManifest {

    /** Bumped when the format changes incompatibly. */
    static final int FORMAT_VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final String site;
    /** The sites as last read or written, and the file's attributes then: a live site reads it per edit. */
    private Map<String, Entry> known;

    private Stamp knownStamp;

    /** A file's identity (a rename into place gives a new one), size and time. */
    private record Stamp(Object key, long size, FileTime modified) {}

    /**
     * @param file the manifest file
     * @param site the site folder's key, e.g. {@code .ova-repo/site} or {@code ../public}
     */
    SiteManifest(Path file, String site) {
        this.file = file;
        this.site = site;
    }

    /** The manifest of {@code layout}'s library, for the site folder {@code outputDir}. */
    public static SiteManifest of(LibraryLayout layout, Path outputDir) {
        return in(layout, "site-files.json", outputDir);
    }

    /** Whether this is the manifest {@link #of} gives for {@code layout} and {@code outputDir}. */
    boolean isOf(LibraryLayout layout, Path outputDir) {
        SiteManifest other = of(layout, outputDir);
        return file.equals(other.file) && site.equals(other.site);
    }

    /**
     * The list of the videos and media {@code ova publish} put into the folder {@code outputDir} besides
     * its pages ({@code .ova-repo/machine/published-files.json}); its entries have no inputs.
     */
    public static SiteManifest publishedFiles(LibraryLayout layout, Path outputDir) {
        return in(layout, "published-files.json", outputDir);
    }

    private static SiteManifest in(LibraryLayout layout, String fileName, Path outputDir) {
        Path site = outputDir.toAbsolutePath().normalize();
        String key;
        try {
            key = layout.root().relativize(site).toString().replace('\\', '/');
        } catch (IllegalArgumentException otherDrive) {
            key = site.toString();
        }
        return new SiteManifest(layout.machineDir().resolve(fileName), key.isEmpty() ? "." : key);
    }

    /**
     * What ova wrote into one site folder.
     *
     * @param inputs the fingerprint of the inputs that made them (see {@link SiteFingerprint}); empty while
     *               the first render into the folder has not finished
     * @param files  site-relative paths, sorted
     */
    public record Entry(String inputs, List<String> files) {}

    /**
     * This site folder's entry, or empty when ova never wrote into it.
     *
     * @throws SiteException when the file is corrupt: guessing could delete a person's files
     */
    public Optional<Entry> read() {
        return Optional.ofNullable(readAll().get(site));
    }

    /** Records {@code entry} for this site folder, keeping the others'. */
    public void write(Entry entry) {
        Map<String, Entry> sites = readAll();
        if (entry.equals(sites.get(site))) {
            return;
        }
        sites.put(site, entry);
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(256 + entry.files().size() * 40);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("version", FORMAT_VERSION);
            out.writeObjectFieldStart("sites");
            for (Map.Entry<String, Entry> one : sites.entrySet()) {
                out.writeObjectFieldStart(one.getKey());
                out.writeStringField("inputs", one.getValue().inputs());
                out.writeArrayFieldStart("files");
                for (String file : one.getValue().files()) {
                    out.writeString(file);
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + file, e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
        remember(sites);
    }

    /** Read with Jackson's streaming parser, like the other machine files: a no-op build reads it. */
    private Map<String, Entry> readAll() {
        if (known != null && knownStamp.equals(stamp())) {
            return new TreeMap<>(known);
        }
        Map<String, Entry> sites = readFile();
        remember(sites);
        return sites;
    }

    /** Keeps {@code sites} as what the file holds now, for the next read while the file stays the same. */
    private void remember(Map<String, Entry> sites) {
        Stamp stamp = stamp();
        known = stamp == null ? null : new TreeMap<>(sites);
        knownStamp = stamp;
    }

    /** The file's stamp now, or null when it cannot be told (missing, or no file identity). */
    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.fileKey() == null
                    ? null
                    : new Stamp(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
        } catch (IOException e) {
            return null;
        }
    }

    private Map<String, Entry> readFile() {
        Map<String, Entry> sites = new TreeMap<>();
        try (JsonParser parser = JSON.createParser(Files.readAllBytes(file))) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            boolean current = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("version")) {
                    current = value == JsonToken.VALUE_NUMBER_INT && parser.getIntValue() == FORMAT_VERSION;
                } else if (field.equals("sites") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        sites.put(key, readEntry(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!current) {
                throw corrupt("not a version " + FORMAT_VERSION + " list of sites");
            }
            return sites;
        } catch (NoSuchFileException e) {
            return sites;
        } catch (JsonProcessingException e) {
            throw corrupt(e.getOriginalMessage());
        } catch (IOException e) {
            throw new SiteException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private Entry readEntry(JsonParser parser) throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        String inputs = null;
        List<String> files = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("inputs") && value == JsonToken.VALUE_STRING) {
                inputs = parser.getText();
            } else if (field.equals("files") && value == JsonToken.START_ARRAY) {
                files = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    files.add(parser.getText());
                }
                expect(parser.currentToken(), JsonToken.END_ARRAY);
            } else {
                parser.skipChildren();
            }
        }
        if (inputs == null || files == null) {
            throw corrupt("a site without inputs or files");
        }
        return new Entry(inputs, List.copyOf(files));
    }

    private void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw corrupt("expected " + expected + " but found " + actual);
        }
    }

    private SiteException corrupt(String reason) {
        return new SiteException(file + " is corrupt (" + reason + "): delete it and build with --force; "
                + "files of earlier builds that are no longer made then stay in the site folder");
    }
}
