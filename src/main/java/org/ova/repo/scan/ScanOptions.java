package org.ova.repo.scan;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What counts as a video when a library is scanned. Kept apart from the config file so that
 * scanning can be used (and tested) with plain values.
 *
 * @param extensions     file extensions of videos, without the dot; matched ignoring case
 * @param excludeGlobs   paths to leave out, see {@link ExcludeGlobs} for the syntax
 * @param followSymlinks whether links to files and folders are followed (each target once)
 */
public record ScanOptions(Set<String> extensions, List<String> excludeGlobs, boolean followSymlinks) {

    /** The extensions of {@link #defaults()}. */
    public static final Set<String> DEFAULT_EXTENSIONS = Set.of(
            "mp4", "m4v", "mkv", "webm", "mov", "avi", "wmv", "flv", "mpg", "mpeg", "ts", "m2ts", "3gp", "ogv");

    public ScanOptions {
        extensions = extensions.stream()
                .map(e -> (e.startsWith(".") ? e.substring(1) : e).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        excludeGlobs = List.copyOf(excludeGlobs);
    }

    /** Common video extensions, nothing excluded, symlinks followed. */
    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_EXTENSIONS, List.of(), true);
    }
}
