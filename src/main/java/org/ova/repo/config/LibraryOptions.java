package org.ova.repo.config;

import java.util.List;

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
}
