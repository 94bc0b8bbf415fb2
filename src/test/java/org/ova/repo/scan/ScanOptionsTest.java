package org.ova.repo.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ova.repo.config.LibraryOptions;

class ScanOptionsTest {

    @Test
    void scanOptionsComeFromTheLibrarySectionOfTheConfig() {
        ScanOptions options = ScanOptions.from(
                new LibraryOptions("t", List.of("mp4", ".MKV"), List.of("trash/**", "**/*.part"), false));
        assertEquals(Set.of("mp4", "mkv"), options.extensions());
        assertEquals(List.of("trash/**", "**/*.part"), options.excludeGlobs());
        assertFalse(options.followSymlinks());
    }

    @Test
    void configuredExcludePatternsMatchRelativePaths() {
        ExcludeGlobs excluded = new ExcludeGlobs(List.of("trash/**", "**/*.part"));
        assertTrue(excluded.excludes("trash/old/a.mp4"));
        assertTrue(excluded.excludes("trips/beach.mp4.part"));
        assertFalse(excluded.excludes("trips/beach.mp4"));
        assertFalse(excluded.excludes("trashcan.mp4"));
    }
}
