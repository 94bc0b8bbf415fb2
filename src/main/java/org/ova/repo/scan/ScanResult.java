package org.ova.repo.scan;

import java.util.List;

/**
 * The videos of a library sorted by relative path, plus what could not be looked at (broken
 * links, unreadable folders); those are warnings, never reasons to stop.
 *
 * @param unreadable relative paths of folders and entries that could not be read this time ({@code ""}
 *                   for the library folder itself); what ova knew below them is kept, not forgotten
 */
public record ScanResult(List<ScannedFile> files, List<String> warnings, List<String> unreadable) {

    public ScanResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        unreadable = List.copyOf(unreadable);
    }

    /** Whether {@code path} lies at or below a folder or entry that could not be read. */
    public boolean isUnreadable(String path) {
        for (String skipped : unreadable) {
            if (skipped.isEmpty()
                    || path.equals(skipped)
                    || (path.startsWith(skipped) && path.charAt(skipped.length()) == '/')) {
                return true;
            }
        }
        return false;
    }
}
