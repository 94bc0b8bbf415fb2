package org.ova.repo.playlist;

import java.util.Locale;

/**
 * The order of a smart playlist's videos. Written in YAML as a key with an optional {@code -} for
 * descending: {@code title}, {@code -rating}. Ties are always broken by path, ascending.
 */
public record PlaylistSort(Key key, boolean descending) {

    /** By title, A to Z: the order when a playlist names none. */
    public static final PlaylistSort DEFAULT = new PlaylistSort(Key.TITLE, false);

    /** What to sort by; the YAML word is the lower-case name. */
    public enum Key {
        ADDED,
        TITLE,
        DURATION,
        RATING,
        PATH,
        /** A shuffle seeded per build, so the site is reproducible; the browser can re-shuffle. */
        RANDOM;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** As written in YAML. */
    @Override
    public String toString() {
        return (descending ? "-" : "") + key.yamlName();
    }
}
