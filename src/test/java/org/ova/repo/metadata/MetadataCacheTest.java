package org.ova.repo.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.LibraryLayout;

class MetadataCacheTest {

    @TempDir
    Path dir;

    private final VideoMetadata full = new VideoMetadata("Beach \"day\" – café", "Line one\nline two",
            List.of("summer", "été"), 4, List.of(new Chapter(0, "Arrival"), new Chapter(65.5, "Swim")),
            List.of(new Marker(42.25, "Wave", List.of("funny")), new Marker(50, "", List.of())),
            new VrMode(VrMode.Projection.EQUIRECT_180, VrMode.Stereo.SIDE_BY_SIDE), true);

    @Test
    void savedCacheReadsBackEveryField() {
        Path file = dir.resolve("cache.json");
        MetadataCache cache = MetadataCache.empty();
        cache.put("a/b.mp4", 120, 1_700_000_000_123L, full);
        assertTrue(cache.saveIfChanged(file, Set.of("a/b.mp4")));
        assertEquals(Optional.of(full), MetadataCache.load(file).get("a/b.mp4", 120, 1_700_000_000_123L));
    }

    @Test
    void anotherSizeOrTimeIsAMiss() {
        MetadataCache cache = MetadataCache.empty();
        cache.put("a.mp4", 10, 1000, full);
        assertEquals(Optional.empty(), cache.get("a.mp4", 11, 1000));
        assertEquals(Optional.empty(), cache.get("a.mp4", 10, 1001));
    }

    @Test
    void unchangedCacheIsNotRewrittenAndGonePathsAreDropped() throws IOException {
        Path file = dir.resolve("cache.json");
        MetadataCache cache = MetadataCache.empty();
        cache.put("a.mp4", 1, 1, full);
        cache.put("gone.mp4", 1, 1, full);
        cache.saveIfChanged(file, Set.of("a.mp4", "gone.mp4"));
        MetadataCache reloaded = MetadataCache.load(file);
        reloaded.put("a.mp4", 1, 1, full);
        assertFalse(reloaded.saveIfChanged(file, Set.of("a.mp4", "gone.mp4")));
        assertTrue(reloaded.saveIfChanged(file, Set.of("a.mp4")));
        assertEquals(Optional.empty(), MetadataCache.load(file).get("gone.mp4", 1, 1));
    }

    @Test
    void brokenCacheReadsAsEmpty() throws IOException {
        Path file = dir.resolve("cache.json");
        Files.writeString(file, "{\"version\":1,\"files\":{\"a.mp4\":[1,2,");
        assertEquals(Optional.empty(), MetadataCache.load(file).get("a.mp4", 1, 2));
        assertEquals(Optional.empty(), MetadataCache.load(dir.resolve("missing.json")).get("a.mp4", 1, 2));
    }

    @Test
    void storeServesAnUnchangedFileFromTheCacheAndReparsesAnEditedOne() throws IOException {
        LibraryLayout layout = new LibraryLayout(dir);
        Path yaml = layout.metadataFile("v.mp4");
        Files.createDirectories(yaml.getParent());
        Files.writeString(yaml, "title: First\n");
        FileTime time = FileTime.fromMillis(1_600_000_000_000L);
        Files.setLastModifiedTime(yaml, time);
        MetadataCache cache = MetadataCache.empty();
        assertEquals("First", new MetadataStore(cache).load(layout, "v.mp4", List.of()).metadata().title());

        // same size and time: the cache answers, the file is not read
        Files.writeString(yaml, "title: Other\n");
        Files.setLastModifiedTime(yaml, time);
        assertEquals("First", new MetadataStore(cache).load(layout, "v.mp4", List.of()).metadata().title());

        Files.setLastModifiedTime(yaml, FileTime.fromMillis(1_600_000_001_000L));
        assertEquals("Other", new MetadataStore(cache).load(layout, "v.mp4", List.of()).metadata().title());
    }
}
