package org.ova.repo.scan;

import java.util.List;

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
}
