package org.ova.repo.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.LibraryLayout;

/**
 * Renames, swaps, cycles and second routes (links) keep each video's metadata file with its content.
 * The videos differ in size: a file whose path, size and time are unchanged is not read again, so
 * a swap of two videos equal in size and time to the millisecond would go unnoticed.
 */
class MetadataFollowsContentTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T10:00:00Z");

    @TempDir
    Path root;

    private LibraryLayout layout() {
        return new LibraryLayout(root);
    }

    private IndexResult index(Instant now) {
        return new LibraryIndexer(
                        new LibraryScanner(ScanOptions.defaults()),
                        new Fingerprinter(),
                        new CatalogStore(),
                        Clock.fixed(now, ZoneOffset.UTC))
                .index(layout());
    }

    @Test
    void swappingTwoNamesSwapsNothingButTheNames() throws IOException {
        Swapped ids = swappedAfterIndexing("title: A\ndraft: true\n");

        IndexResult swapped = index(TUESDAY);

        assertEquals(
                List.of(new Move(ids.b(), "b.mp4", "a.mp4"), new Move(ids.a(), "a.mp4", "b.mp4")), swapped.moves());
        assertEquals("title: B\n", Files.readString(layout().metadataFile("a.mp4")));
        assertEquals("title: A\ndraft: true\n", Files.readString(layout().metadataFile("b.mp4")));
        assertEquals(List.of(), swapped.warnings());
        assertFalse(Files.exists(layout().metadataDir().resolve(".moving")), "nothing is left parked");
        assertEquals(List.of(), index(TUESDAY).moves(), "the next build sees no move again");
        assertEquals("title: B\n", Files.readString(layout().metadataFile("a.mp4")));
    }

    @Test
    void swappedMetadataFilesLookChangedToCachesThatKnowFilesBySizeAndTime() throws IOException {
        swappedAfterIndexing("title: A\n");
        Path fileA = layout().metadataFile("a.mp4");
        Path fileB = layout().metadataFile("b.mp4");
        long before = Files.getLastModifiedTime(fileA).toMillis();
        Files.setLastModifiedTime(fileB, Files.getLastModifiedTime(fileA));

        index(TUESDAY);

        assertEquals("title: B\n", Files.readString(fileA));
        assertTrue(
                Files.getLastModifiedTime(fileA).toMillis() != before
                        || Files.getLastModifiedTime(fileB).toMillis() != before,
                "same size and time would hide the swap");
    }

    @Test
    void threeNamesTurnedInACycleEachKeepTheirMetadata() throws IOException {
        String a = video("clips/a.mp4", "alpha");
        String b = video("clips/b.mp4", "bravo, a little longer");
        String c = video("other/c.mp4", "charlie, the longest of them all");
        index(MONDAY);
        metadata("clips/a.mp4", "title: A\n");
        metadata("clips/b.mp4", "title: B\n");
        metadata("other/c.mp4", "title: C\n");
        rename("clips/a.mp4", "tmp.mp4");
        rename("other/c.mp4", "clips/a.mp4");
        rename("clips/b.mp4", "other/c.mp4");
        rename("tmp.mp4", "clips/b.mp4");

        IndexResult cycled = index(TUESDAY);

        assertEquals(
                List.of(
                        new Move(c, "other/c.mp4", "clips/a.mp4"),
                        new Move(a, "clips/a.mp4", "clips/b.mp4"),
                        new Move(b, "clips/b.mp4", "other/c.mp4")),
                cycled.moves());
        assertEquals("title: C\n", Files.readString(layout().metadataFile("clips/a.mp4")));
        assertEquals("title: A\n", Files.readString(layout().metadataFile("clips/b.mp4")));
        assertEquals("title: B\n", Files.readString(layout().metadataFile("other/c.mp4")));
        assertEquals(MONDAY, cycled.videos().get(0).added());
        assertEquals(
                Map.of("clips/a.mp4", "clips/b.mp4", "clips/b.mp4", "other/c.mp4", "other/c.mp4", "clips/a.mp4"),
                cycled.formerPaths());
    }

    @Test
    void chainEndingOnAForeignMetadataFileMovesNothingAndSaysWhy() throws IOException {
        video("a.mp4", "alpha");
        video("b.mp4", "bravo, a little longer");
        video("c.mp4", "charlie, the longest of them all");
        index(MONDAY);
        metadata("a.mp4", "title: A\n");
        metadata("b.mp4", "title: B\n");
        metadata("c.mp4", "title: C, whose video is deleted\n");
        Files.delete(root.resolve("c.mp4"));
        rename("b.mp4", "c.mp4");
        rename("a.mp4", "b.mp4");

        IndexResult result = index(TUESDAY);

        assertEquals(2, result.moves().size());
        assertEquals(2, result.warnings().size(), result.warnings().toString());
        assertTrue(
                result.warnings().get(0).startsWith("video b.mp4 was moved to c.mp4, but both "),
                result.warnings().get(0));
        assertTrue(
                result.warnings().get(1).startsWith("video a.mp4 was moved to b.mp4, but both "),
                result.warnings().get(1));
        assertEquals("title: A\n", Files.readString(layout().metadataFile("a.mp4")));
        assertEquals("title: B\n", Files.readString(layout().metadataFile("b.mp4")));
        assertEquals("title: C, whose video is deleted\n", Files.readString(layout().metadataFile("c.mp4")));
    }

    @Test
    void renamedVideoIsRememberedUnderItsFormerPaths() throws IOException {
        video("a.mp4", "alpha");
        index(MONDAY);
        rename("a.mp4", "b.mp4");
        index(TUESDAY);
        rename("b.mp4", "c/d.mp4");

        IndexResult twice = index(TUESDAY);

        assertEquals(Map.of("a.mp4", "c/d.mp4", "b.mp4", "c/d.mp4"), twice.formerPaths());
        rename("c/d.mp4", "a.mp4");
        assertEquals(
                Map.of("b.mp4", "a.mp4", "c/d.mp4", "a.mp4"),
                index(TUESDAY).formerPaths(),
                "a path in use again is no former path");
    }

    @Test
    void runKilledWhileFilesWereParkedIsFinishedByTheNextOne() throws IOException {
        Swapped ids = swappedAfterIndexing("title: A\n");
        // what a run killed after saving the catalogue and parking one of the two files leaves behind
        Path moving = layout().metadataDir().resolve(".moving");
        List<Move> plan = List.of(new Move(ids.b(), "b.mp4", "a.mp4"), new Move(ids.a(), "a.mp4", "b.mp4"));
        MovePlanFile.write(moving.resolve("plan.json"), plan);
        Files.move(layout().metadataFile("b.mp4"), moving.resolve("0-a.mp4.yaml"));
        new CatalogStore()
                .save(
                        layout().catalogFile(),
                        new Catalog(List.of(
                                entry(ids.b(), "a.mp4", List.of("b.mp4")), entry(ids.a(), "b.mp4", List.of("a.mp4")))));

        IndexResult resumed = index(TUESDAY);

        assertEquals(List.of(), resumed.moves(), "the catalogue already knew the new names");
        assertEquals("title: B\n", Files.readString(layout().metadataFile("a.mp4")));
        assertEquals("title: A\n", Files.readString(layout().metadataFile("b.mp4")));
        assertFalse(Files.exists(moving));
        assertEquals(List.of(), resumed.warnings());
    }

    @Test
    void planWhoseCatalogueWasNeverSavedIsDroppedAndTheMovesFoundAgain() throws IOException {
        Swapped ids = swappedAfterIndexing("title: A\n");
        // killed after writing the plan, before the catalogue was saved: nothing has moved yet
        MovePlanFile.write(
                layout().metadataDir().resolve(".moving/plan.json"),
                List.of(new Move(ids.b(), "b.mp4", "a.mp4"), new Move(ids.a(), "a.mp4", "b.mp4")));

        IndexResult result = index(TUESDAY);

        assertEquals(2, result.moves().size());
        assertEquals("title: B\n", Files.readString(layout().metadataFile("a.mp4")));
        assertEquals("title: A\n", Files.readString(layout().metadataFile("b.mp4")));
    }

    @Test
    void linkIntoTheLibraryAddedLaterIsASecondRouteNotAMove() throws IOException {
        video("trips/2024/beach.mp4", "waves");
        index(MONDAY);
        metadata("trips/2024/beach.mp4", "title: Beach\n");
        Files.createSymbolicLink(root.resolve("a-beach.mp4"), root.resolve("trips/2024/beach.mp4"));
        Files.createSymbolicLink(root.resolve("Favourites"), root.resolve("trips/2024"));

        IndexResult result = index(TUESDAY);

        assertEquals(
                List.of("trips/2024/beach.mp4"),
                result.videos().stream().map(IndexedVideo::path).toList());
        assertEquals(List.of(), result.moves());
        assertEquals("title: Beach\n", Files.readString(layout().metadataFile("trips/2024/beach.mp4")));
        assertEquals(2, result.warnings().size(), result.warnings().toString());
    }

    @Test
    void hardLinkAddedLaterIsADuplicateNotAMove() throws IOException {
        String id = video("b/real.mp4", "waves");
        index(MONDAY);
        metadata("b/real.mp4", "title: Real\n");
        Files.createLink(root.resolve("a.mp4"), root.resolve("b/real.mp4"));

        IndexResult result = index(TUESDAY);

        assertEquals(List.of(), result.moves());
        assertEquals(List.of(new Duplicate("a.mp4", "b/real.mp4", id)), result.duplicates());
        assertEquals("title: Real\n", Files.readString(layout().metadataFile("b/real.mp4")));
    }

    @Test
    void videoBehindAFolderThatCannotBeReadIsNeitherMovedNorForgotten() throws IOException {
        String id = video("a/clip.mp4", "clip");
        index(MONDAY);
        video("b/copy.mp4", "clip");
        index(MONDAY);
        metadata("a/clip.mp4", "title: Clip\n");
        // a link that resolves to itself cannot be read, even by root
        Path away = Files.move(root.resolve("a"), root.resolve(".away"));
        Files.createSymbolicLink(root.resolve("a"), Path.of("a"));

        IndexResult unreadable = index(TUESDAY);

        assertEquals(List.of(), unreadable.moves());
        assertEquals("title: Clip\n", Files.readString(layout().metadataFile("a/clip.mp4")));
        Files.delete(root.resolve("a"));
        Files.move(away, root.resolve("a"));
        IndexResult back = index(TUESDAY);
        assertEquals(
                List.of("a/clip.mp4"),
                back.videos().stream().map(IndexedVideo::path).toList());
        assertEquals(MONDAY, back.videos().get(0).added());
        assertEquals(List.of(new Duplicate("b/copy.mp4", "a/clip.mp4", id)), back.duplicates());
    }

    @Test
    void aVideoBehindAFolderThatCannotBeReadStaysKnownSoItsMediaAreKept() throws IOException {
        String id = video("a/clip.mp4", "clip");
        index(MONDAY);
        Path away = Files.move(root.resolve("a"), root.resolve(".away"));
        Files.createSymbolicLink(root.resolve("a"), Path.of("a"));

        IndexResult unreadable = index(TUESDAY);

        assertEquals(List.of(), unreadable.videos());
        assertEquals(Set.of(id), unreadable.knownIds());
        Files.delete(root.resolve("a"));
        Files.delete(away.resolve("clip.mp4"));
        assertEquals(Set.of(), index(TUESDAY).knownIds());
    }

    /** The ids of the contents first at a.mp4 and b.mp4. */
    private record Swapped(String a, String b) {}

    /** a.mp4 (with metadata {@code yamlA}) and b.mp4 ("title: B") indexed on Monday, then their names swapped. */
    private Swapped swappedAfterIndexing(String yamlA) throws IOException {
        String a = video("a.mp4", "alpha");
        String b = video("b.mp4", "bravo, a little longer");
        index(MONDAY);
        metadata("a.mp4", yamlA);
        metadata("b.mp4", "title: B\n");
        rename("a.mp4", "tmp.mp4");
        rename("b.mp4", "a.mp4");
        rename("tmp.mp4", "b.mp4");
        return new Swapped(a, b);
    }

    private CatalogEntry entry(String id, String path, List<String> formerPaths) throws IOException {
        Path file = root.resolve(path);
        return new CatalogEntry(
                id,
                path,
                Files.size(file),
                Files.getLastModifiedTime(file).toMillis(),
                new Fingerprinter().fingerprint(file).value(),
                MONDAY,
                formerPaths);
    }

    /** Writes a video and returns its id. */
    private String video(String relative, String content) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        return new Fingerprinter().fingerprint(Files.writeString(path, content)).videoId();
    }

    private Path metadata(String video, String yaml) throws IOException {
        Path file = layout().metadataFile(video);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    private void rename(String from, String to) throws IOException {
        Files.createDirectories(root.resolve(to).getParent());
        Files.move(root.resolve(from), root.resolve(to));
    }
}
