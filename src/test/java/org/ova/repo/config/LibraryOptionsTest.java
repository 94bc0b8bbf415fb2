package org.ova.repo.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class LibraryOptionsTest {

    @Test
    void videoFilesAreKnownByExtensionInAnyCase() {
        LibraryOptions library = OvaConfig.defaults().library();
        assertTrue(library.isVideoFile("Beach.MP4"));
        assertTrue(library.isVideoFile("clip.final.webm"));
        assertFalse(library.isVideoFile("notes.txt"));
        assertFalse(library.isVideoFile("mp4"));
        assertFalse(library.isVideoFile(".mp4"));
    }

    @Test
    void excludePatternsMatchRelativePaths() {
        Predicate<String> excluded = new LibraryOptions("t", List.of("mp4"), List.of("trash/**", "**/*.part"), true)
                .excludeFilter();
        assertTrue(excluded.test("trash/old/a.mp4"));
        assertTrue(excluded.test("trips/beach.mp4.part"));
        assertFalse(excluded.test("trips/beach.mp4"));
        assertFalse(excluded.test("trashcan.mp4"));
    }
}
