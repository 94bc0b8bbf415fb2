package org.ova.repo.scan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExcludeGlobsTest {

    @Test
    void doubleStarCrossesFoldersSingleStarDoesNot() {
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
        ExcludeGlobs globs = new ExcludeGlobs(List.of("*.tmp.mp4"));

        assertTrue(globs.excludes("a.tmp.mp4"));
        assertTrue(globs.excludes("x/y/a.tmp.mp4"));
        assertFalse(globs.excludes("a.mp4"));
    }

    @Test
    void leadingDoubleStarMatchesAtTheRootToo() {
        ExcludeGlobs globs = new ExcludeGlobs(List.of("**/sample/*"));

        assertTrue(globs.excludes("sample/a.mp4"));
        assertTrue(globs.excludes("x/sample/a.mp4"));
        assertFalse(globs.excludes("x/samples/a.mp4"));
    }

    @Test
    void bracesQuestionMarksAndClassesWork() {
        ExcludeGlobs globs = new ExcludeGlobs(List.of("*.{avi,wmv}", "clip?.mp4", "take[0-9].mkv", "[!a]x.ts"));

        assertTrue(globs.excludes("old/a.avi"));
        assertTrue(globs.excludes("b.wmv"));
        assertTrue(globs.excludes("clip1.mp4"));
        assertFalse(globs.excludes("clip10.mp4"));
        assertTrue(globs.excludes("take7.mkv"));
        assertFalse(globs.excludes("takeX.mkv"));
        assertTrue(globs.excludes("bx.ts"));
        assertFalse(globs.excludes("ax.ts"));
    }

    @Test
    void regexCharactersInGlobsAreLiteral() {
        ExcludeGlobs globs = new ExcludeGlobs(List.of("a+b (1).mp4"));

        assertTrue(globs.excludes("a+b (1).mp4"));
        assertFalse(globs.excludes("aab (1).mp4"));
    }
}
