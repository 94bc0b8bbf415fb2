package org.ova.repo.scan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What indexing a library found.
 *
 * @param videos        one per distinct content, sorted by path
 * @param duplicates    extra paths with the same content as a listed video, sorted by path
 * @param moves         known videos found under a new path, sorted by new path
 * @param warnings      files and folders that were skipped, and why
 * @param fingerprinted how many files had to be read (0 when nothing changed since the last run)
 * @param formerPaths   earlier paths of renamed or moved videos, each to the video's path now (see
 *                      {@link Catalog#formerPaths()}); how a playlist naming an old path finds the video
 * @param knownIds      the ids the catalogue keeps: the videos', and those of videos in folders that
 *                      could not be read this time (their generated media must stay)
 */
public record IndexResult(
        List<IndexedVideo> videos,
        List<Duplicate> duplicates,
        List<Move> moves,
        List<String> warnings,
        int fingerprinted,
        Map<String, String> formerPaths,
        Set<String> knownIds) {

    public IndexResult {
        videos = List.copyOf(videos);
        duplicates = List.copyOf(duplicates);
        moves = List.copyOf(moves);
        warnings = List.copyOf(warnings);
        formerPaths = Map.copyOf(formerPaths);
        knownIds = Set.copyOf(knownIds);
    }
}
