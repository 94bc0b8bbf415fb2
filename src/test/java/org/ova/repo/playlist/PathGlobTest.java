package org.ova.repo.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathGlobTest {

    @Test
    void doubleStarMatchesAnyDepthBelowAFolder() {
        PathGlob glob = PathGlob.of("trips/**");
        assertTrue(glob.matches("trips/beach.mp4"));
        assertTrue(glob.matches("trips/2019/italy/beach.mp4"));
        assertFalse(glob.matches("trips.mp4"));
        assertFalse(glob.matches("old/trips/beach.mp4"));
    }

    @Test
    void singleStarStaysInsideOneFolder() {
        PathGlob glob = PathGlob.of("trips/*.mp4");
        assertTrue(glob.matches("trips/beach.mp4"));
        assertFalse(glob.matches("trips/2019/beach.mp4"));
        assertFalse(glob.matches("trips/beach.webm"));
    }

    @Test
    void leadingDoubleStarSlashAlsoMatchesTheRoot() {
        PathGlob glob = PathGlob.of("**/*_360.mp4");
        assertTrue(glob.matches("lake_360.mp4"));
        assertTrue(glob.matches("vr/deep/lake_360.mp4"));
        assertFalse(glob.matches("vr/lake.mp4"));
    }

    @Test
    void questionMarkAndBracesWork() {
        assertTrue(PathGlob.of("clip?.mp4").matches("clip1.mp4"));
        assertFalse(PathGlob.of("clip?.mp4").matches("clip10.mp4"));
        PathGlob either = PathGlob.of("{trips,family}/**");
        assertTrue(either.matches("trips/a.mp4"));
        assertTrue(either.matches("family/b.mp4"));
        assertFalse(either.matches("work/c.mp4"));
    }

    @Test
    void globWithoutWildcardsNamesAFolderAndEverythingBelow() {
        PathGlob glob = PathGlob.of("trips");
        assertTrue(glob.matches("trips/a.mp4"));
        assertTrue(glob.matches("trips/x/a.mp4"));
        assertFalse(glob.matches("tripsy/a.mp4"));
        assertTrue(PathGlob.of("/trips/").matches("trips/a.mp4"));
    }

    @Test
    void regexCharactersAreLiteral() {
        assertTrue(PathGlob.of("a+b (1)/**").matches("a+b (1)/c.mp4"));
        assertFalse(PathGlob.of("a.b/**").matches("axb/c.mp4"));
    }

    @Test
    void matchingIsCaseSensitive() {
        assertFalse(PathGlob.of("Trips/**").matches("trips/a.mp4"));
    }

    @Test
    void unclosedBraceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathGlob.of("{a,b/**"));
        assertEquals("the folder glob '{a,b/**' opens a '{' it never closes", e.getMessage());
    }

    @Test
    void globsAreEqualByText() {
        assertEquals(PathGlob.of("trips/**"), PathGlob.of(" trips/** "));
        assertEquals("trips/**", PathGlob.of("trips/**").toString());
    }
}
