package org.ova.media.ffmpeg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.AtomicFiles;
import org.ova.repo.LibraryLayout;

/**
 * Remembers what an ffmpeg binary can do (machine data, {@code ffmpeg-capabilities.json}), keyed by
 * its path, size and time, so a build with nothing to process runs no ffmpeg at all, not even the
 * five listing commands. A broken file is reported in one warning and the binary asked again.
 *
 * <pre>{"version":1,"binary":"/usr/bin/ffmpeg|123456|1700000000000","ffmpegVersion":"5.1.6-0+deb12u1",
 *  "hwaccels":["cuda"],"encoders":["libx264",…],"decoders":[…],"filters":[…]}</pre>
 */
public final class CapabilitiesCache {

    static final int FORMAT_VERSION = 1;
    private static final Logger LOG = LogManager.getLogger(CapabilitiesCache.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final FfmpegCapabilitiesReader reader;

    /** The cache of {@code layout}'s library ({@code machine/ffmpeg-capabilities.json}). */
    public static CapabilitiesCache of(LibraryLayout layout) {
        return new CapabilitiesCache(layout.ffmpegCapabilitiesFile(), new FfmpegCapabilitiesReader());
    }

    public CapabilitiesCache(Path file, FfmpegCapabilitiesReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /** The capabilities of {@code ffmpeg}, from the cache when the binary is unchanged. */
    public FfmpegCapabilities capabilitiesOf(Path ffmpeg) {
        String key = key(ffmpeg);
        Optional<FfmpegCapabilities> cached = load(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        FfmpegCapabilities capabilities = reader.read(ffmpeg);
        save(key, capabilities);
        return capabilities;
    }

    private Optional<FfmpegCapabilities> load(String key) {
        try (JsonParser in = JSON.createParser(Files.readAllBytes(file))) {
            return read(in, key);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonParseException e) {
            LOG.warn(
                    "{} is not valid JSON (line {}): ffmpeg is asked for its capabilities again.",
                    file,
                    e.getLocation().getLineNr());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{} cannot be used ({}): ffmpeg is asked for its capabilities again.", file, e.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<FfmpegCapabilities> read(JsonParser in, String key) throws IOException {
        if (in.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(in, "expected an object");
        }
        int version = -1;
        String binary = "";
        String ffmpegVersion = "";
        Set<String> hwaccels = Set.of();
        Set<String> encoders = Set.of();
        Set<String> decoders = Set.of();
        Set<String> filters = Set.of();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "version" -> version = in.getValueAsInt(-1);
                case "binary" -> binary = in.getValueAsString("");
                case "ffmpegVersion" -> ffmpegVersion = in.getValueAsString("");
                case "hwaccels" -> hwaccels = names(in);
                case "encoders" -> encoders = names(in);
                case "decoders" -> decoders = names(in);
                case "filters" -> filters = names(in);
                default -> in.skipChildren();
            }
        }
        if (version != FORMAT_VERSION || !binary.equals(key)) {
            // another format, or another (or a changed) binary: ask it
            return Optional.empty();
        }
        return Optional.of(new FfmpegCapabilities(ffmpegVersion, hwaccels, encoders, decoders, filters));
    }

    private static Set<String> names(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(in, "expected a list of names");
        }
        Set<String> names = new LinkedHashSet<>();
        while (in.nextToken() == JsonToken.VALUE_STRING) {
            names.add(in.getText());
        }
        return names;
    }

    private void save(String key, FfmpegCapabilities capabilities) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
        try (JsonGenerator out = JSON.createGenerator(bytes).setPrettyPrinter(new DefaultPrettyPrinter())) {
            out.writeStartObject();
            out.writeNumberField("version", FORMAT_VERSION);
            out.writeStringField("binary", key);
            out.writeStringField("ffmpegVersion", capabilities.version());
            writeNames(out, "hwaccels", capabilities.hwaccels());
            writeNames(out, "encoders", capabilities.encoders());
            writeNames(out, "decoders", capabilities.decoders());
            writeNames(out, "filters", capabilities.filters());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + file, e);
        }
        bytes.write('\n');
        try {
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (UncheckedIOException e) {
            // a cache that cannot be written only costs the listing commands next time
            LOG.debug("Could not write {}: {}", file, e.getMessage());
        }
    }

    private static void writeNames(JsonGenerator out, String field, Set<String> names) throws IOException {
        out.writeArrayFieldStart(field);
        for (String name : names) {
            out.writeString(name);
        }
        out.writeEndArray();
    }

    private static String key(Path ffmpeg) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(ffmpeg, BasicFileAttributes.class);
            return ffmpeg.toAbsolutePath() + "|" + attributes.size() + "|"
                    + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return ffmpeg.toAbsolutePath().toString();
        }
    }
}
