package org.ova.repo;

import java.util.Locale;

/** The phases of a build, in the order they run; problems and timings name the phase they belong to. */
public enum BuildPhase {
    SCAN,
    PROBE,
    METADATA,
    PLAYLISTS,
    PROCESS,
    RENDER,
    PUBLISH;

    /** How logs and the report name it: {@code scan}, {@code render}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
