package org.ova.repo.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ova.repo.AtomicFiles;
import org.ova.repo.LibraryLayout;
import org.ova.repo.yaml.YamlProblem;

/**
 * Finds each video's metadata file where a person expects it
 * ({@link LibraryLayout#metadataFile}), creating it from {@link MetadataTemplate} the first time
 * and never writing it again. Files unchanged since the last build come from the
 * {@link MetadataCache} without being parsed.
 *
 * <p>A broken file never stops a build, and never publishes what the person may have meant to
 * keep private: its video keeps the metadata last read from the file without problems (held back
 * if the broken file asks for a draft), or, when there is none, is held back from the site like a
 * draft until the file is fixed. The problems are handed back to be reported.
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
     * @throws UncheckedIOException when the file is missing and cannot be created
     */
    public MetadataLoad load(LibraryLayout layout, String relativePath, List<Chapter> importedChapters) {
        Path file = layout.metadataFile(relativePath);
        return readExisting(file, relativePath).orElseGet(() -> {
            String defaultTitle = TitleFromFileName.of(relativePath);
            String text = MetadataTemplate.render(relativePath, defaultTitle, importedChapters);
            // a person (or another ova) may have created it meanwhile: theirs wins
            boolean created = AtomicFiles.createIfAbsent(file, text);
            // read back rather than assembled by hand, so the value is exactly what the file says
            MetadataLoad load = readExisting(file, relativePath)
                    .orElseThrow(() -> new UncheckedIOException(
                            new NoSuchFileException(file + " vanished right after it was created")));
            return created ? new MetadataLoad(load.metadata(), load.problems(), MetadataLoad.Source.CREATED) : load;
        });
    }

    /** The file's metadata, or what stands in for it when it is broken; empty when there is no file. */
    private Optional<MetadataLoad> readExisting(Path file, String relativePath) {
        String defaultTitle = TitleFromFileName.of(relativePath);
        MetadataParse parse;
        FileStamp stamp;
        try {
            stamp = FileStamp.of(file);
            Optional<VideoMetadata> cached = cache.get(relativePath, stamp);
            if (cached.isPresent()) {
                return Optional.of(new MetadataLoad(cached.get(), List.of(), MetadataLoad.Source.FILE));
            }
            parse = MetadataReader.read(file, defaultTitle);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            String reason = e instanceof UncheckedIOException unchecked
                    ? unchecked.getCause().toString()
                    : e.toString();
            YamlProblem unreadable =
                    new YamlProblem(file, 1, 1, "could not be read (" + reason + "); check its permissions", e);
            return Optional.of(brokenFile(
                    relativePath,
                    new MetadataParse(VideoMetadata.defaults(defaultTitle).asDraft(), List.of(unreadable))));
        }
        if (!parse.valid()) {
            return Optional.of(brokenFile(relativePath, parse));
        }
        cache.put(relativePath, stamp, parse.metadata());
        return Optional.of(new MetadataLoad(parse.metadata(), List.of(), MetadataLoad.Source.FILE));
    }

    private MetadataLoad brokenFile(String relativePath, MetadataParse parse) {
        return cache.lastGood(relativePath)
                .map(good -> new MetadataLoad(
                        parse.metadata().draft() ? good.asDraft() : good,
                        parse.problems(),
                        MetadataLoad.Source.LAST_GOOD))
                .orElseGet(() -> new MetadataLoad(
                        VideoMetadata.defaults(TitleFromFileName.of(relativePath))
                                .asDraft(),
                        parse.problems(),
                        MetadataLoad.Source.HELD_BACK));
    }
}
