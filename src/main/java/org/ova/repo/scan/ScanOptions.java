package org.ova.repo.scan;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.ova.repo.config.LibraryOptions;
import org.ova.repo.config.OvaConfig;

/**
 * What counts as a video when a library is scanned. Kept apart from the config file so that
 * scanning can be used (and tested) with plain values.
 *
 * @param extensions     file extensions of videos, without the dot; matched ignoring case
 * @param excludeGlobs   paths to leave out, see {@link ExcludeGlobs} for the syntax
 * @param followSymlinks whether links leading out of the library are followed (each folder once); links
 *                       into the library are never followed, see {@link LibraryScanner}
 */
public record ScanOptions(Set<String> extensions, List<String> excludeGlobs, boolean followSymlinks) {

    public ScanOptions {
        extensions = extensions.stream()
                .map(e -> (e.startsWith(".") ? e.substring(1) : e).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        excludeGlobs = List.copyOf(excludeGlobs);
    }

    /** The scan a library's configuration asks for. */
    public static ScanOptions from(LibraryOptions library) {
        return new ScanOptions(Set.copyOf(library.extensions()), library.exclude(), library.followSymlinks());
    }

    /** The default configuration's scan: common video extensions, nothing excluded, symlinks followed. */
    public static ScanOptions defaults() {
        return from(OvaConfig.defaults().library());
    }
}
