package org.ova.repo.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogStoreTest {

    private static final String FP = "0123456789abcdef" + "0".repeat(48);

    @TempDir
    Path dir;

    private final CatalogStore store = new CatalogStore();

    @Test
    void savedCatalogueReadsBackEqualWithOneEntryPerLine() throws IOException {
        Path file = dir.resolve("machine/catalog.json");
        Catalog catalog = new Catalog(List.of(
                new CatalogEntry(
                        "0123456789abcdef",
                        "a \"quoted\" ü.mp4",
                        12,
                        1_700_000_000_000L,
                        FP,
                        Instant.parse("2026-01-02T03:04:05.123456Z")),
                new CatalogEntry("0123456789abcdef", "b.mp4", 0, -5, FP, Instant.EPOCH)));

        store.save(file, catalog);
        CatalogStore.Loaded loaded = store.load(file);

        assertEquals(catalog, loaded.catalog());
        assertTrue(loaded.intact());
        assertEquals(Optional.empty(), loaded.warning());
        assertEquals(
                "{\"version\":1,\"entries\":[\n"
                        + "{\"id\":\"0123456789abcdef\",\"path\":\"a \\\"quoted\\\" ü.mp4\",\"size\":12,"
                        + "\"modifiedMillis\":1700000000000,\"fingerprint\":\"" + FP
                        + "\",\"added\":\"2026-01-02T03:04:05.123456Z\"},\n"
                        + "{\"id\":\"0123456789abcdef\",\"path\":\"b.mp4\",\"size\":0,"
                        + "\"modifiedMillis\":-5,\"fingerprint\":\"" + FP + "\",\"added\":\"1970-01-01T00:00:00Z\"}\n"
                        + "]}\n",
                Files.readString(file));
    }

    @Test
    void missingCatalogueIsEmptyWithoutAWarning() {
        CatalogStore.Loaded loaded = store.load(dir.resolve("catalog.json"));

        assertEquals(Catalog.empty(), loaded.catalog());
        assertFalse(loaded.intact());
        assertEquals(Optional.empty(), loaded.warning());
    }

    @Test
    void corruptCatalogueIsEmptyWithAWarning() throws IOException {
        for (String corrupt : List.of(
                "{\"version\":1,\"entries\":[{\"id\":",
                "not json",
                "[]",
                "{}",
                "{\"version\":2,\"entries\":[]}",
                "{\"version\":1,\"entries\":[{\"id\":\"x\",\"path\":\"a.mp4\"}]}",
                "{\"version\":1,\"entries\":[{\"id\":\"ffffffffffffffff\",\"path\":\"a.mp4\",\"size\":1,"
                        + "\"modifiedMillis\":1,\"fingerprint\":\"" + FP + "\",\"added\":\"2026-01-01T00:00:00Z\"}]}",
                "{\"version\":1,\"entries\":[{\"id\":\"0123456789abcdef\",\"path\":\"a.mp4\",\"size\":1,"
                        + "\"modifiedMillis\":1,\"fingerprint\":\"" + FP + "\",\"added\":\"yesterday\"}]}")) {
            Path file = Files.writeString(dir.resolve("catalog.json"), corrupt);

            CatalogStore.Loaded loaded = store.load(file);

            assertEquals(Catalog.empty(), loaded.catalog(), corrupt);
            assertFalse(loaded.intact(), corrupt);
            String warning = loaded.warning().orElseThrow();
            assertTrue(
                    warning.startsWith("catalogue " + file + " is not a version 1 catalogue (")
                            || warning.startsWith("catalogue " + file + " is not valid JSON at line 1, column "),
                    warning);
            assertTrue(
                    warning.endsWith("): it is rebuilt from the videos, which keep their ids, but 'added' dates "
                            + "start again from now and renames since the last build are not recognised (metadata is matched "
                            + "by path)"),
                    warning);
        }
    }

    @Test
    void brokenJsonIsNamedWithLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("catalog.json"), "{\"version\":1,\"entries\":[\n{\"id\":\n\n");

        String warning = store.load(file).warning().orElseThrow();

        assertTrue(
                warning.startsWith(
                        "catalogue " + file + " is not valid JSON at line 4, column 1 (Unexpected " + "end-of-input"),
                warning);
        assertEquals(1, warning.lines().count());
    }

    @Test
    void pathsLeadingOutOfTheLibraryMakeTheCatalogueUnusable() throws IOException {
        for (String path : List.of("../outside.mp4", "/etc/passwd", "a//b.mp4", "a/./b.mp4", "a/..", "")) {
            Path file = dir.resolve("catalog.json");
            store.save(
                    file,
                    new Catalog(List.of(
                            new CatalogEntry("0123456789abcdef", "ok.mp4", 1, 2, FP, Instant.EPOCH, List.of(path)))));

            CatalogStore.Loaded loaded = store.load(file);

            assertEquals(Catalog.empty(), loaded.catalog(), path);
            assertTrue(
                    loaded.warning().orElseThrow().contains("(entry ok.mp4 has a path that leads out of the library)"),
                    loaded.warning().orElseThrow());
        }
    }

    @Test
    void formerPathsAreWrittenOnlyWhenThereAreSomeAndReadBack() throws IOException {
        Path file = dir.resolve("catalog.json");
        Catalog catalog = new Catalog(List.of(new CatalogEntry(
                "0123456789abcdef",
                "new/name.mp4",
                1,
                2,
                FP,
                Instant.EPOCH,
                List.of("old name.mp4", "older/name.mp4"))));

        store.save(file, catalog);

        assertEquals(catalog, store.load(file).catalog());
        assertTrue(Files.readString(file).contains(",\"formerPaths\":[\"old name.mp4\",\"older/name.mp4\"]}"));
        assertEquals(Map.of("old name.mp4", "new/name.mp4", "older/name.mp4", "new/name.mp4"), catalog.formerPaths());
    }

    @Test
    void catalogueOfTenThousandVideosLoadsQuickly() throws IOException {
        List<CatalogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String fingerprint = String.format("%016x", i) + "0".repeat(48);
            entries.add(new CatalogEntry(
                    fingerprint.substring(0, 16),
                    String.format("f%02d/v%05d.mp4", i % 50, i),
                    i,
                    1_700_000_000_000L + i,
                    fingerprint,
                    Instant.parse("2026-01-01T00:00:00Z"),
                    i % 10 == 0 ? List.of("old/v" + i + ".mp4") : List.of()));
        }
        Path file = dir.resolve("catalog.json");
        store.save(file, new Catalog(entries));
        store.load(file); // warm up the parser's classes once, as a second build of the same JVM would not need

        long start = System.nanoTime();
        CatalogStore.Loaded loaded = store.load(file);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(10_000, loaded.catalog().entries().size());
        assertTrue(millis < 500, "loading 10,000 entries took " + millis + " ms");
    }

    @Test
    void unknownFieldsAreIgnored() throws IOException {
        Path file = Files.writeString(
                dir.resolve("catalog.json"),
                "{\"version\":1,\"future\":{\"x\":[1]},\"entries\":[{\"id\":\"0123456789abcdef\",\"path\":\"a.mp4\","
                        + "\"size\":1,\"modifiedMillis\":2,\"extra\":[3],\"fingerprint\":\"" + FP + "\","
                        + "\"added\":\"2026-01-01T00:00:00Z\"}]}");

        assertEquals(
                new Catalog(List.of(new CatalogEntry(
                        "0123456789abcdef", "a.mp4", 1, 2, FP, Instant.parse("2026-01-01T00:00:00Z")))),
                store.load(file).catalog());
    }
}
