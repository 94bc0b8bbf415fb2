package org.ova.repo.scan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The known video files of a library (machine data, rebuilt from the videos when lost), sorted by
 * path. Duplicates are listed too, under the id of their content, so they are not read again.
 * Value equality lets a build tell whether anything changed and skip rewriting the file.
 */
public record Catalog(List<CatalogEntry> entries) {

    public Catalog {
        entries = List.copyOf(entries);
    }

    public static Catalog empty() {
        return new Catalog(List.of());
    }

    /**
     * Where the videos once listed under another path are now: former path to current path. When two
     * videos were once at the same path, the one whose current path sorts first is named.
     */
    public Map<String, String> formerPaths() {
        Map<String, String> now = new HashMap<>();
        for (CatalogEntry entry : entries) {
            entry.formerPaths().forEach(former -> now.putIfAbsent(former, entry.path()));
        }
        return now;
    }
}
