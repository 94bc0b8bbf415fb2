package org.ova.repo.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.LibraryLayout;

class MetadataCacheTest {

    @TempDir
    Path dir;

    private final VideoMetadata full = new VideoMetadata(
            "Beach \"day\" – café",
            "Line one\nline two",
            List.of("summer", "été"),
            4,
            List.of(new Chapter(0, "Arrival"), new Chapter(65.5, "Swim")),
            List.of(new Marker(42.25, "Wave", List.of("funny")), new Marker(50, "", List.of())),
            new VrMode(VrMode.Projection.EQUIRECT_180, VrMode.Stereo.SIDE_BY_SIDE),
            true);

    private static FileStamp stamp(long size, long modified) {
        return new FileStamp(size, modified, 1_700_000_000_123_456_789L, 4242);
    }

    private static MetadataCache loaded(Path file) {
        MetadataCache.Loaded loaded = MetadataCache.load(file);
        assertEquals(Optional.empty(), loaded.warning());
        return loaded.cache();
    }

    @Test
    void savedCacheReadsBackEveryField() {
        Path file = dir.resolve("cache.json");
        MetadataCache cache = MetadataCache.empty();
        cache.put("a/b.mp4", stamp(120, 1_700_000_000_123L), full);
        assertTrue(cache.saveIfChanged(file, Set.of("a/b.mp4")));
        assertEquals(Optional.of(full), loaded(file).get("a/b.mp4", stamp(120, 1_700_000_000_123L)));
    }

    @Test
    void theFileIsJsonWithNamedFieldsOneMetadataFilePerLine() throws IOException {
        Path file = dir.resolve("cache.json");
        MetadataCache cache = MetadataCache.empty();
        cache.put("a.mp4", stamp(1, 2), full);
        cache.put("b.mp4", stamp(3, 4), VideoMetadata.defaults("B"));
        cache.saveIfChanged(file, Set.of("a.mp4", "b.mp4"));
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertEquals("{\"version\":2,\"files\":[", lines.get(0));
        String b = lines.get(1).contains("\"b.mp4\"") ? lines.get(1) : lines.get(2);
        assertEquals(
                "{\"path\":\"b.mp4\",\"size\":3,\"modifiedMillis\":4,\"changedNanos\":1700000000123456789,"
                        + "\"inode\":4242,\"title\":\"B\",\"description\":\"\",\"tags\":[],\"rating\":0,\"projection\":\"AUTO\","
                        + "\"stereo\":\"AUTO\",\"draft\":false,\"chapters\":[],\"markers\":[]}"
                        + (Objects.equals(b, lines.get(1)) ? "," : ""),
                b);
        assertEquals("]}", lines.get(3));
    }

    @Test
    void anyOtherPartOfTheStampIsAMiss() {
        MetadataCache cache = MetadataCache.empty();
        cache.put("a.mp4", new FileStamp(10, 1000, 5, 6), full);
        assertEquals(Optional.of(full), cache.get("a.mp4", new FileStamp(10, 1000, 5, 6)));
        assertEquals(Optional.empty(), cache.get("a.mp4", new FileStamp(11, 1000, 5, 6)));
        assertEquals(Optional.empty(), cache.get("a.mp4", new FileStamp(10, 1001, 5, 6)));
        assertEquals(Optional.empty(), cache.get("a.mp4", new FileStamp(10, 1000, 7, 6)));
        assertEquals(Optional.empty(), cache.get("a.mp4", new FileStamp(10, 1000, 5, 8)));
        assertEquals(Optional.of(full), cache.lastGood("a.mp4"), "the last good version ignores the stamp");
    }

    @Test
    void unchangedCacheIsNotRewrittenAndGonePathsAreDropped() {
        Path file = dir.resolve("cache.json");
        MetadataCache cache = MetadataCache.empty();
        cache.put("a.mp4", stamp(1, 1), full);
        cache.put("gone.mp4", stamp(1, 1), full);
        cache.saveIfChanged(file, Set.of("a.mp4", "gone.mp4"));
        MetadataCache reloaded = loaded(file);
        reloaded.put("a.mp4", stamp(1, 1), full);
        assertFalse(reloaded.saveIfChanged(file, Set.of("a.mp4", "gone.mp4")));
        assertTrue(reloaded.saveIfChanged(file, Set.of("a.mp4")));
        assertEquals(Optional.empty(), loaded(file).lastGood("gone.mp4"));
    }

    @Test
    void aBrokenCacheReadsAsEmptyWithOneWarningNamingTheFileAndWhatHappensNext() throws IOException {
        Path file = dir.resolve("cache.json");
        Files.writeString(file, "{\"version\":2,\"files\":[{\"path\":\"a.mp4\",\"size\":1,");
        MetadataCache.Loaded loaded = MetadataCache.load(file);
        assertEquals(Optional.empty(), loaded.cache().lastGood("a.mp4"));
        String warning = loaded.warning().orElseThrow();
        assertTrue(warning.startsWith("metadata cache " + file + " is corrupt ("), warning);
        assertTrue(warning.contains("every metadata file is parsed again"), warning);

        Files.writeString(file, "{\"version\":1,\"files\":{\"a.mp4\":[1,2,\"t\"]}}");
        assertTrue(MetadataCache.load(file).warning().orElseThrow().contains("not a version 2 metadata cache"));
        Files.writeString(file, "{\"version\":2,\"files\":[{\"path\":\"a.mp4\",\"size\":1}]}");
        assertTrue(MetadataCache.load(file).warning().orElseThrow().contains("entry a.mp4 lacks a field"));

        assertEquals(
                Optional.empty(),
                MetadataCache.load(dir.resolve("missing.json")).warning());
    }

    @Test
    void tenThousandEntriesRoundTripQuickly() {
        Path file = dir.resolve("cache.json");
        MetadataCache cache = MetadataCache.empty();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String path = "folder" + i % 100 + "/video " + i + ".mp4";
            paths.add(path);
            cache.put(path, stamp(i, i), full);
        }
        cache.saveIfChanged(file, paths);
        long start = System.nanoTime();
        MetadataCache reloaded = loaded(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (String path : paths) {
            assertEquals(Optional.of(full), reloaded.lastGood(path));
        }
        // about 60 ms on a warm JVM; the bound only catches a return to data binding or worse
        assertTrue(millis < 2_000, millis + " ms");
    }

    @Test
    void theStoreServesAFileWithTheSameStampFromTheCache() throws IOException {
        LibraryLayout layout = new LibraryLayout(dir);
        Path yaml = layout.metadataFile("v.mp4");
        Files.createDirectories(yaml.getParent());
        Files.writeString(yaml, "title: In the file\n");
        MetadataCache cache = MetadataCache.empty();
        cache.put("v.mp4", FileStamp.of(yaml), VideoMetadata.defaults("From the cache"));
        assertEquals(
                "From the cache",
                new MetadataStore(cache)
                        .load(layout, "v.mp4", List.of())
                        .metadata()
                        .title());
    }

    @Test
    void theStoreNoticesAnEditThatKeepsSizeAndModificationTime() throws IOException, InterruptedException {
        LibraryLayout layout = new LibraryLayout(dir);
        Path yaml = layout.metadataFile("v.mp4");
        Files.createDirectories(yaml.getParent());
        Files.writeString(yaml, "title: First\n");
        FileTime time = FileTime.fromMillis(1_600_000_000_000L);
        Files.setLastModifiedTime(yaml, time);
        FileStamp before = FileStamp.of(yaml);
        assumeTrue(before.changedNanos() != FileStamp.UNKNOWN, "this file system has no change time");
        MetadataCache cache = MetadataCache.empty();
        assertEquals(
                "First",
                new MetadataStore(cache)
                        .load(layout, "v.mp4", List.of())
                        .metadata()
                        .title());

        // the kernel stamps change times from a clock that ticks every few milliseconds
        Thread.sleep(20);
        Files.writeString(yaml, "title: Other\n");
        Files.setLastModifiedTime(yaml, time);
        FileStamp after = FileStamp.of(yaml);
        assertEquals(List.of(before.size(), before.modifiedMillis()), List.of(after.size(), after.modifiedMillis()));
        assertNotEquals(before, after);
        assertEquals(
                "Other",
                new MetadataStore(cache)
                        .load(layout, "v.mp4", List.of())
                        .metadata()
                        .title());
    }
}
