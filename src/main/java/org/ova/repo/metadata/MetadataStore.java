package org.ova.repo.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.ova.repo.AtomicFiles;
import org.ova.repo.LibraryLayout;
import org.ova.repo.yaml.YamlProblem;

/**
 * Finds each video's metadata file where a person expects it
 * ({@link LibraryLayout#metadataFile}), creating it from {@link MetadataTemplate} the first time
 * and never writing it again. A broken file never stops a build: its video gets defaults and the
 * problem is handed back to be reported. Files unchanged since the last build come from the
 * {@link MetadataCache} without being parsed.
 */
public final class MetadataStore {

    private final MetadataCache cache;

    public MetadataStore(MetadataCache cache) {
        this.cache = cache;
    }

    /** A store that parses every file every time. */
    public MetadataStore() {
        this(MetadataCache.empty());
    }

    /**
     * Loads the metadata of the video at {@code relativePath}, creating its file when missing.
     *
     * @param importedChapters chapters found in the video, written into a new file; ignored when the
     *                         file exists (the person's file wins)
     * @throws UncheckedIOException when the file exists but cannot be read, or cannot be created
     */
    public MetadataLoad load(LibraryLayout layout, String relativePath, List<Chapter> importedChapters) {
        Path file = layout.metadataFile(relativePath);
        return readExisting(file, relativePath).orElseGet(() -> {
            String defaultTitle = TitleFromFileName.of(relativePath);
            String text = MetadataTemplate.render(relativePath, defaultTitle, importedChapters);
            if (!AtomicFiles.createIfAbsent(file, text)) {
                // a person (or another ova) created it meanwhile: theirs wins
                return readExisting(file, relativePath).orElseThrow();
            }
            // read back rather than assembled by hand, so the value is exactly what the file says
            return new MetadataLoad(MetadataReader.parse(file, text, defaultTitle), Optional.empty(), true);
        });
    }

    /** The file's metadata, defaults plus the problem when it is broken, empty when there is no file. */
    private Optional<MetadataLoad> readExisting(Path file, String relativePath) {
        String text;
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = attributes.lastModifiedTime().toMillis();
            Optional<VideoMetadata> cached = cache.get(relativePath, attributes.size(), modified);
            if (cached.isPresent()) {
                return Optional.of(new MetadataLoad(cached.get(), Optional.empty(), false));
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read metadata file " + file + ": " + e.getMessage()
                    + "; check its permissions", e);
        }
        String defaultTitle = TitleFromFileName.of(relativePath);
        try {
            VideoMetadata metadata = MetadataReader.parse(file, text, defaultTitle);
            cache.put(relativePath, attributes.size(), attributes.lastModifiedTime().toMillis(), metadata);
            return Optional.of(new MetadataLoad(metadata, Optional.empty(), false));
        } catch (YamlProblem problem) {
            return Optional.of(new MetadataLoad(VideoMetadata.defaults(defaultTitle), Optional.of(problem), false));
        }
    }
}
