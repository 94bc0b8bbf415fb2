package org.ova.repo.scan;

import java.util.List;

/**
 * What indexing a library found.
 *
 * @param videos        one per distinct content, sorted by path
 * @param duplicates    extra paths with the same content as a listed video, sorted by path
 * @param moves         known videos found under a new path, sorted by new path
 * @param warnings      files and folders that were skipped, and why
 * @param fingerprinted how many files had to be read (0 when nothing changed since the last run)
 */
public record IndexResult(List<IndexedVideo> videos, List<Duplicate> duplicates, List<Move> moves,
                          List<String> warnings, int fingerprinted) {

    public IndexResult {
        videos = List.copyOf(videos);
        duplicates = List.copyOf(duplicates);
        moves = List.copyOf(moves);
        warnings = List.copyOf(warnings);
    }
}
