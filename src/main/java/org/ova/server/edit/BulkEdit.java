package org.ova.server.edit;

import java.util.List;
import java.util.Optional;

/**
 * One change for many videos, from the selection on a list page: tags added and removed (compared
 * without case), and optionally one rating for all.
 */
public record BulkEdit(List<String> ids, List<String> addTags, List<String> removeTags, Optional<Integer> rating) {

    public BulkEdit {
        ids = List.copyOf(ids);
        addTags = List.copyOf(addTags);
        removeTags = List.copyOf(removeTags);
    }
}
