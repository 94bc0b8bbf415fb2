package org.ova.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void doubleStarMatchesAnyDepthBelowAFolder() {
        Glob glob = Glob.compile("trips/**");
        assertTrue(glob.matches("trips/beach.mp4"));
        assertTrue(glob.matches("trips/2019/italy/beach.mp4"));
        assertFalse(glob.matches("trips.mp4"));
        assertFalse(glob.matches("tripsy/beach.mp4"));
        assertFalse(glob.matches("old/trips/beach.mp4"));
    }

    @Test
    void singleStarStaysInsideOneFolder() {
        Glob glob = Glob.compile("trips/*.mp4");
        assertTrue(glob.matches("trips/beach.mp4"));
        assertFalse(glob.matches("trips/2019/beach.mp4"));
        assertFalse(glob.matches("trips/beach.webm"));
    }

    @Test
    void leadingDoubleStarSlashAlsoMatchesTheRoot() {
        Glob glob = Glob.compile("**/*_360.mp4");
        assertTrue(glob.matches("lake_360.mp4"));
        assertTrue(glob.matches("vr/deep/lake_360.mp4"));
        assertFalse(glob.matches("vr/lake.mp4"));
        assertTrue(Glob.compile("**/sample/*").matches("sample/a.mp4"));
        assertFalse(Glob.compile("**/sample/*").matches("x/samples/a.mp4"));
    }

    @Test
    void questionMarkBracesAndCharacterClassesWork() {
        assertTrue(Glob.compile("clip?.mp4").matches("clip1.mp4"));
        assertFalse(Glob.compile("clip?.mp4").matches("clip10.mp4"));
        assertFalse(Glob.compile("a?b.mp4").matches("a/b.mp4"));
        Glob either = Glob.compile("{trips,family}/**");
        assertTrue(either.matches("trips/a.mp4"));
        assertTrue(either.matches("family/b.mp4"));
        assertFalse(either.matches("work/c.mp4"));
        assertTrue(Glob.compile("take[0-9].mkv").matches("take7.mkv"));
        assertFalse(Glob.compile("take[0-9].mkv").matches("takeX.mkv"));
        assertTrue(Glob.compile("[!a]x.ts").matches("bx.ts"));
        assertFalse(Glob.compile("[!a]x.ts").matches("ax.ts"));
    }

    @Test
    void regexCharactersAreLiteral() {
        assertTrue(Glob.compile("a+b (1)/**").matches("a+b (1)/c.mp4"));
        assertFalse(Glob.compile("a.b/**").matches("axb/c.mp4"));
        assertTrue(Glob.compile("a}b[.mp4").matches("a}b[.mp4"));
    }

    @Test
    void matchingIsCaseSensitive() {
        assertFalse(Glob.compile("Trips/**").matches("trips/a.mp4"));
        assertFalse(Glob.folder("Trips").matches("trips/a.mp4"));
    }

    @Test
    void leadingSlashIsIgnored() {
        assertTrue(Glob.compile("/trips/*.mp4").matches("trips/a.mp4"));
    }

    @Test
    void folderGlobWithoutWildcardsNamesAFolderAndEverythingBelow() {
        Glob glob = Glob.folder("trips");
        assertTrue(glob.matches("trips/a.mp4"));
        assertTrue(glob.matches("trips/x/a.mp4"));
        assertFalse(glob.matches("tripsy/a.mp4"));
        assertTrue(Glob.folder("/trips/").matches("trips/a.mp4"));
        assertFalse(Glob.compile("trips").matches("trips/a.mp4"), "only folder rules add the /**");
    }

    @Test
    void unclosedBraceIsRejectedNamingTheGlob() {
        assertEquals(
                "the glob '{a,b/**' opens a '{' it never closes",
                assertThrows(IllegalArgumentException.class, () -> Glob.compile("{a,b/**"))
                        .getMessage());
        assertEquals(
                "the folder glob '{a,b/**' opens a '{' it never closes",
                assertThrows(IllegalArgumentException.class, () -> Glob.folder(" {a,b/**"))
                        .getMessage());
    }

    @Test
    void emptyFolderGlobIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Glob.folder(" / "));
    }

    @Test
    void globsAreEqualByText() {
        assertEquals(Glob.folder("trips/**"), Glob.folder(" trips/** "));
        assertEquals(
                Glob.folder("trips/**").hashCode(), Glob.folder("/trips/**").hashCode());
        assertEquals("trips/**", Glob.folder("trips/**").toString());
        assertNotEquals(Glob.compile("trips/**"), Glob.compile("trips/*"));
    }
}
