package org.ova.site;

import java.util.Comparator;

/** The orders of the library pages. Ties are broken by path so pages are stable between builds. */
public enum SortOrder {
    ADDED(
            "added",
            "Newest",
            Comparator.comparingLong(VideoView::addedEpochSecond).reversed()),
    TITLE("title", "Title", Comparator.comparing(VideoView::title, String.CASE_INSENSITIVE_ORDER)),
    DURATION(
            "duration",
            "Longest",
            Comparator.comparingDouble(VideoView::duration).reversed()),
    RATING(
            "rating",
            "Top rated",
            Comparator.comparingInt(VideoView::rating)
                    .reversed()
                    .thenComparing(Comparator.comparingLong(VideoView::addedEpochSecond)
                            .reversed()));

    private final String key;
    private final String label;

    @SuppressWarnings("ImmutableEnumChecker") // the comparators hold no state
    private final Comparator<VideoView> order;

    SortOrder(String key, String label, Comparator<VideoView> order) {
        this.key = key;
        this.label = label;
        this.order = order.thenComparing(VideoView::path);
    }

    /** The word in addresses: {@code sort/<key>/}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Comparator<VideoView> order() {
        return order;
    }
}
