package org.ova.repo.scan;

import java.time.Instant;
import java.util.List;

/**
 * What ova remembers about one video between builds: which content (fingerprint, hence id) was
 * last seen at which path with which size and modification time, when it first appeared, and
 * where it was before it was renamed or moved.
 *
 * @param id             the video id, the first 16 hex characters of {@code fingerprint}
 * @param path           relative to the library root, forward slashes
 * @param size           bytes, when fingerprinted
 * @param modifiedMillis modification time when fingerprinted, epoch milliseconds
 * @param fingerprint    content fingerprint, 64 hex characters
 * @param added          when ova first saw this content
 * @param formerPaths    earlier paths of this video, oldest first, at most {@value #FORMER_PATHS_KEPT};
 *                       so a playlist naming an old path still finds it
 */
public record CatalogEntry(
        String id,
        String path,
        long size,
        long modifiedMillis,
        String fingerprint,
        Instant added,
        List<String> formerPaths) {

    /** How many earlier paths an entry remembers. */
    public static final int FORMER_PATHS_KEPT = 5;

    public CatalogEntry {
        formerPaths = List.copyOf(formerPaths);
    }

    /** An entry for a video never seen elsewhere. */
    public CatalogEntry(String id, String path, long size, long modifiedMillis, String fingerprint, Instant added) {
        this(id, path, size, modifiedMillis, fingerprint, added, List.of());
    }
}
