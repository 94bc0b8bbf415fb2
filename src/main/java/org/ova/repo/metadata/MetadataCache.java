package org.ova.repo.metadata;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ova.repo.AtomicFiles;

/**
 * Machine data remembering each metadata file as last parsed without problems, keyed by its path
 * and {@link FileStamp}, for two reasons. A build where nothing was edited parses no YAML at all
 * (parsing ten thousand files costs seconds on a cold JVM; reading this one file costs a fraction
 * of that). And when a person's edit breaks a file, its video keeps this last good version instead
 * of falling back to defaults (which would publish a draft): a broken parse never replaces an entry.
 *
 * <p>Stored as JSON ({@link MetadataCacheJson}). Safe to delete; a missing file reads as empty, a
 * broken one too, with a warning. Safe for concurrent {@link #get}/{@link #put}.
 */
public final class MetadataCache {

    /** What is kept of one metadata file. */
    record Entry(FileStamp stamp, VideoMetadata metadata) {}

    /**
     * A cache as read from disk.
     *
     * @param warning why the file was unusable and what happens instead, when it existed but was broken
     */
    public record Loaded(MetadataCache cache, Optional<String> warning) {}

    private final Map<String, Entry> entries;
    private volatile boolean changed;

    private MetadataCache(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static MetadataCache empty() {
        return new MetadataCache(new ConcurrentHashMap<>());
    }

    /** The cache in {@code file}; empty when it is missing, and empty with a warning when it is unusable. */
    public static Loaded load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(empty(), Optional.empty());
        } catch (IOException e) {
            return unusable(file, "cannot be read (" + e + ")");
        }
        try {
            return new Loaded(new MetadataCache(MetadataCacheJson.decode(bytes)), Optional.empty());
        } catch (JsonParseException e) {
            return unusable(
                    file,
                    "is corrupt (" + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr() + ")");
        } catch (IOException | IllegalArgumentException e) {
            return unusable(file, "is corrupt (" + e.getMessage() + ")");
        }
    }

    /** The metadata parsed from the file at {@code path} when it still has this {@code stamp}. */
    public Optional<VideoMetadata> get(String path, FileStamp stamp) {
        Entry entry = entries.get(path);
        return entry != null && entry.stamp().equals(stamp) ? Optional.of(entry.metadata()) : Optional.empty();
    }

    /** The metadata last parsed without problems from the file at {@code path}, whatever the file is now. */
    public Optional<VideoMetadata> lastGood(String path) {
        return Optional.ofNullable(entries.get(path)).map(Entry::metadata);
    }

    /** Remembers {@code metadata}, parsed without problems from the file at {@code path} with {@code stamp}. */
    public void put(String path, FileStamp stamp, VideoMetadata metadata) {
        Entry entry = new Entry(stamp, metadata);
        if (!entry.equals(entries.put(path, entry))) {
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
        byte[] bytes;
        try {
            bytes = MetadataCacheJson.encode(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the metadata cache " + file, e);
        }
        AtomicFiles.write(file, bytes);
        changed = false;
        return true;
    }

    private static Loaded unusable(Path file, String reason) {
        return new Loaded(
                empty(),
                Optional.of("metadata cache " + file + " " + reason + "; starting from an"
                        + " empty one: every metadata file is parsed again, and a video whose file is broken now has no"
                        + " last good version to keep, so it is held back from the site until the file is fixed"));
    }
}
