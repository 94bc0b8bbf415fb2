package org.ova.repo.scan;

import java.util.List;

/**
 * The videos of a library sorted by relative path, plus what could not be looked at
 * (broken links, unreadable folders); those are warnings, never reasons to stop.
 */
public record ScanResult(List<ScannedFile> files, List<String> warnings) {

    public ScanResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }
}
