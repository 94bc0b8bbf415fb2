package org.ova.media.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.Shard;

/**
 * Where shards keep their processing states beside the library's ({@code processing.shard-2-of-3.json}
 * and its journal beside {@code processing.json}), found again by their names for the merge.
 */
final class ShardStateFiles {

    private static final Logger LOG = LogManager.getLogger(ShardStateFiles.class);

    private ShardStateFiles() {}

    /** Where shard {@code shard} keeps the states of its videos, beside {@code stateFile}. */
    static Path of(Path stateFile, Shard shard) {
        return stateFile.resolveSibling(ProcessingState.baseName(stateFile) + "." + shard.fileName() + ".json");
    }

    /**
     * The state files that shards left beside {@code stateFile}, and those only their journals name (a shard
     * killed before its first save), oldest first: a later state of a video wins.
     */
    static List<Path> left(Path stateFile) {
        String prefix = ProcessingState.baseName(stateFile) + ".shard-";
        try (Stream<Path> siblings = Files.list(stateFile.getParent())) {
            return siblings.map(sibling -> sibling.getFileName().toString())
                    .filter(name -> name.startsWith(prefix))
                    .map(name -> name.endsWith(ProcessingJournal.SUFFIX)
                            ? name.substring(0, name.length() - ProcessingJournal.SUFFIX.length()) + ".json"
                            : name)
                    .filter(name -> name.endsWith(".json"))
                    .distinct()
                    .map(stateFile::resolveSibling)
                    .sorted(Comparator.comparing(ShardStateFiles::lastChange).thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Deletes a shard's state file and its journal, once they are folded into the library's. */
    static void delete(Path shardFile) {
        deleteQuietly(ProcessingJournal.fileOf(shardFile));
        deleteQuietly(shardFile);
    }

    private static long lastChange(Path shardFile) {
        return Math.max(modified(shardFile), modified(ProcessingJournal.fileOf(shardFile)));
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
