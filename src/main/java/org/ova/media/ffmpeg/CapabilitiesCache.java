package org.ova.media.ffmpeg;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import org.ova.repo.AtomicFiles;

/**
 * Remembers what an ffmpeg binary can do (machine data), keyed by its path, size and time, so a build
 * with nothing to process runs no ffmpeg at all, not even the five listing commands.
 */
public final class CapabilitiesCache {

    private final Path file;
    private final FfmpegCapabilitiesReader reader;

    public CapabilitiesCache(Path file, FfmpegCapabilitiesReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /** The capabilities of {@code ffmpeg}, from the cache when the binary is unchanged. */
    public FfmpegCapabilities capabilitiesOf(Path ffmpeg) {
        String key = key(ffmpeg);
        Properties cached = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            cached.load(in);
            if (key.equals(cached.getProperty("binary"))) {
                return new FfmpegCapabilities(cached.getProperty("version", ""), set(cached, "hwaccels"),
                        set(cached, "encoders"), set(cached, "decoders"), set(cached, "filters"));
            }
        } catch (IOException | IllegalArgumentException e) {
            // missing or unreadable: ask the binary
        }
        FfmpegCapabilities capabilities = reader.read(ffmpeg);
        save(key, capabilities);
        return capabilities;
    }

    private void save(String key, FfmpegCapabilities capabilities) {
        Properties properties = new Properties();
        properties.setProperty("binary", key);
        properties.setProperty("version", capabilities.version());
        properties.setProperty("hwaccels", String.join(",", capabilities.hwaccels()));
        properties.setProperty("encoders", String.join(",", capabilities.encoders()));
        properties.setProperty("decoders", String.join(",", capabilities.decoders()));
        properties.setProperty("filters", String.join(",", capabilities.filters()));
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "what this ffmpeg can do; machine data, safe to delete");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            AtomicFiles.write(file, text.toString());
        } catch (UncheckedIOException e) {
            // a cache that cannot be written only costs the listing commands next time
        }
    }

    private static Set<String> set(Properties properties, String name) {
        String value = properties.getProperty(name, "");
        return value.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.split(",")));
    }

    private static String key(Path ffmpeg) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(ffmpeg, BasicFileAttributes.class);
            return ffmpeg.toAbsolutePath() + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return ffmpeg.toAbsolutePath().toString();
        }
    }
}
