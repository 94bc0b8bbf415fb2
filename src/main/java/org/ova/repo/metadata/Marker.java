package org.ova.repo.metadata;

import java.util.List;

/**
 * A point of interest at {@code at} seconds, with an optional label and tags of its own.
 */
public record Marker(double at, String label, List<String> tags) {

    public Marker {
        tags = List.copyOf(tags);
    }
}
