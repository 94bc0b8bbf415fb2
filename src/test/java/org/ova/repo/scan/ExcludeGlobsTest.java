package org.ova.repo.scan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The glob syntax itself is pinned in {@code org.ova.repo.GlobTest}; this is about which part of a path is matched. */
class ExcludeGlobsTest {

    @Test
    void globWithASlashMatchesTheWholeRelativePath() {
        ExcludeGlobs globs = new ExcludeGlobs(List.of("raw/**", "trips/*.mov"));

        assertTrue(globs.excludes("raw/a.mp4"));
        assertTrue(globs.excludes("raw/x/y/a.mp4"));
        assertFalse(globs.excludes("rawer/a.mp4"));
        assertFalse(globs.excludes("other/raw/a.mp4"));
        assertTrue(globs.excludes("trips/a.mov"));
        assertFalse(globs.excludes("trips/2024/a.mov"));
    }

    @Test
    void globWithoutSlashMatchesTheFileNameAtAnyDepth() {
        ExcludeGlobs globs = new ExcludeGlobs(List.of("*.tmp.mp4", "clip?.{avi,wmv}"));

        assertTrue(globs.excludes("a.tmp.mp4"));
        assertTrue(globs.excludes("x/y/a.tmp.mp4"));
        assertTrue(globs.excludes("old/clip1.avi"));
        assertFalse(globs.excludes("a.mp4"));
        assertFalse(globs.excludes("a.tmp.mp4/b.mp4"), "a folder name is not a file name");
    }

    @Test
    void noGlobsExcludeNothing() {
        assertFalse(new ExcludeGlobs(List.of()).excludes("a.mp4"));
    }
}
