package org.ova.site;

import java.util.List;

/** A marker with its clock text. */
public record MarkerView(double at, String label, List<String> tags, String atText) {

    public MarkerView {
        tags = List.copyOf(tags);
    }
}
