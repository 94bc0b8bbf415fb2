package org.ova.repo.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which files in the library folder are videos, and what the site is called.
 *
 * @param title          the site's title
 * @param extensions     video file extensions, lower case, without the dot
 * @param exclude        glob patterns, matched against paths relative to the library root
 * @param followSymlinks whether scanning follows symbolic links (once each, never in loops)
 */
public record LibraryOptions(String title, List<String> extensions, List<String> exclude, boolean followSymlinks) {

    public LibraryOptions {
        extensions = List.copyOf(extensions);
        exclude = List.copyOf(exclude);
    }

    /** True when {@code fileName} ends in one of the {@link #extensions}, in any case. */
    public boolean isVideoFile(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * A test that is true for relative paths (forward slashes, as {@code LibraryLayout.relativize}
     * gives them) matched by any {@link #exclude} pattern. The patterns are compiled once per call,
     * so keep the result for a whole scan.
     */
    public Predicate<String> excludeFilter() {
        List<PathMatcher> matchers = exclude.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
        return relativePath -> {
            Path path = Path.of(relativePath);
            return matchers.stream().anyMatch(matcher -> matcher.matches(path));
        };
    }
}
