package org.ova.repo.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.LibraryLayout;

class LibraryIndexerTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T10:00:00Z");

    @TempDir
    Path root;

    private LibraryLayout layout() {
        return new LibraryLayout(root);
    }

    private static LibraryIndexer indexer(Instant now) {
        return indexer(now, new Fingerprinter());
    }

    private static LibraryIndexer indexer(Instant now, Fingerprinter fingerprinter) {
        return new LibraryIndexer(
                new LibraryScanner(ScanOptions.defaults()),
                fingerprinter,
                new CatalogStore(),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void firstRunListsEachVideoAddedNowWithItsContentId() throws IOException {
        Path a = video("a.mp4", "alpha");
        video("sub/b.mkv", "beta");

        IndexResult result = indexer(MONDAY).index(layout());

        String id = new Fingerprinter().fingerprint(a).videoId();
        assertEquals(
                new IndexedVideo(id, "a.mp4", a, 5, Files.getLastModifiedTime(a).toMillis(), MONDAY),
                result.videos().get(0));
        assertEquals(List.of("a.mp4", "sub/b.mkv"), paths(result));
        assertEquals(2, result.fingerprinted());
        assertEquals(List.of(), result.duplicates());
        assertEquals(List.of(), result.moves());
        assertEquals(List.of(), result.warnings());
        assertTrue(Files.isRegularFile(layout().catalogFile()));
    }

    @Test
    void unchangedSecondRunFingerprintsNothingAndDoesNotRewriteTheCatalogue() throws IOException {
        video("a.mp4", "alpha");
        video("sub/b.mkv", "beta");
        IndexResult first = indexer(MONDAY).index(layout());
        Path catalog = layout().catalogFile();
        byte[] bytes = Files.readAllBytes(catalog);
        BasicFileAttributes before = Files.readAttributes(catalog, BasicFileAttributes.class);

        IndexResult second = indexer(TUESDAY).index(layout());

        assertEquals(0, second.fingerprinted());
        assertEquals(first.videos(), second.videos());
        BasicFileAttributes after = Files.readAttributes(catalog, BasicFileAttributes.class);
        assertEquals(before.fileKey(), after.fileKey(), "an atomic rewrite would have replaced the file");
        assertEquals(before.lastModifiedTime(), after.lastModifiedTime());
        assertArrayEquals(bytes, Files.readAllBytes(catalog));
    }

    @Test
    void touchedFileIsFingerprintedAgainAndKeepsItsId() throws IOException {
        Path a = video("a.mp4", "alpha");
        IndexResult first = indexer(MONDAY).index(layout());
        Files.setLastModifiedTime(a, FileTime.fromMillis(1_000));

        IndexResult second = indexer(TUESDAY).index(layout());

        assertEquals(1, second.fingerprinted());
        assertEquals(first.videos().get(0).id(), second.videos().get(0).id());
        assertEquals(MONDAY, second.videos().get(0).added());
        assertEquals(1_000, second.videos().get(0).modifiedMillis());
    }

    @Test
    void editedContentIsANewVideo() throws IOException {
        Path a = video("a.mp4", "alpha");
        IndexResult first = indexer(MONDAY).index(layout());
        Files.writeString(a, "alpha, re-encoded");

        IndexResult second = indexer(TUESDAY).index(layout());

        assertFalse(first.videos().get(0).id().equals(second.videos().get(0).id()));
        assertEquals(TUESDAY, second.videos().get(0).added());
    }

    @Test
    void renamedVideoKeepsItsIdAndAddedTimeAndItsMetadataFile() throws IOException {
        video("trips/beach.mp4", "waves");
        IndexResult first = indexer(MONDAY).index(layout());
        String yaml = "# my notes\ntitle: Beach\ntags: [sea]\n";
        Files.createDirectories(layout().metadataFile("trips/beach.mp4").getParent());
        Files.writeString(layout().metadataFile("trips/beach.mp4"), yaml);
        Files.move(root.resolve("trips/beach.mp4"), root.resolve("trips/Beach 2024.mp4"));

        IndexResult second = indexer(TUESDAY).index(layout());

        String id = first.videos().get(0).id();
        assertEquals(List.of("trips/Beach 2024.mp4"), paths(second));
        assertEquals(id, second.videos().get(0).id());
        assertEquals(MONDAY, second.videos().get(0).added());
        assertEquals(List.of(new Move(id, "trips/beach.mp4", "trips/Beach 2024.mp4")), second.moves());
        assertEquals(1, second.fingerprinted());
        assertEquals(yaml, Files.readString(layout().metadataFile("trips/Beach 2024.mp4")));
        assertFalse(Files.exists(layout().metadataFile("trips/beach.mp4")));
        assertEquals(List.of(), second.warnings());

        IndexResult third = indexer(TUESDAY).index(layout());
        assertEquals(List.of(), third.moves());
        assertEquals(0, third.fingerprinted());
    }

    @Test
    void videoMovedIntoASubfolderTakesItsMetadataAndLeavesNoEmptyFolders() throws IOException {
        video("old/place/clip.mp4", "clip");
        IndexResult first = indexer(MONDAY).index(layout());
        Path oldMetadata = layout().metadataFile("old/place/clip.mp4");
        Files.createDirectories(oldMetadata.getParent());
        Files.writeString(oldMetadata, "rating: 5\n");
        Files.createDirectories(root.resolve("new/deeper"));
        Files.move(root.resolve("old/place/clip.mp4"), root.resolve("new/deeper/clip.mp4"));

        IndexResult second = indexer(TUESDAY).index(layout());

        String id = first.videos().get(0).id();
        assertEquals(List.of(new Move(id, "old/place/clip.mp4", "new/deeper/clip.mp4")), second.moves());
        assertEquals(MONDAY, second.videos().get(0).added());
        assertEquals("rating: 5\n", Files.readString(layout().metadataFile("new/deeper/clip.mp4")));
        assertFalse(Files.exists(layout().metadataDir().resolve("old")), "emptied folders are removed");
        assertTrue(Files.isDirectory(layout().metadataDir()));
    }

    @Test
    void movedVideoWhoseNewPathAlreadyHasMetadataKeepsBothFilesWithAWarning() throws IOException {
        video("a.mp4", "alpha");
        indexer(MONDAY).index(layout());
        Path from = layout().metadataFile("a.mp4");
        Path to = layout().metadataFile("b.mp4");
        Files.createDirectories(from.getParent());
        Files.writeString(from, "title: A\n");
        Files.writeString(to, "title: B\n");
        Files.move(root.resolve("a.mp4"), root.resolve("b.mp4"));

        IndexResult second = indexer(TUESDAY).index(layout());

        assertEquals(1, second.moves().size());
        assertEquals("title: A\n", Files.readString(from));
        assertEquals("title: B\n", Files.readString(to));
        assertEquals(
                List.of("video a.mp4 was moved to b.mp4, but both " + from + " and " + to
                        + " exist; kept both: merge them by hand and delete " + from),
                second.warnings());
    }

    @Test
    void identicalContentIsReportedOnceAsADuplicateAndNotListed() throws IOException {
        video("a.mp4", "same");
        video("b/copy.mp4", "same");
        video("c.mkv", "same");
        video("d.mp4", "different");

        IndexResult result = indexer(MONDAY).index(layout());
        IndexResult again = indexer(TUESDAY).index(layout());

        String id = result.videos().get(0).id();
        assertEquals(List.of("a.mp4", "d.mp4"), paths(result));
        assertEquals(
                List.of(new Duplicate("b/copy.mp4", "a.mp4", id), new Duplicate("c.mkv", "a.mp4", id)),
                result.duplicates());
        assertEquals(result.duplicates(), again.duplicates());
        assertEquals(result.videos(), again.videos());
        assertEquals(0, again.fingerprinted());
    }

    @Test
    void copyOfAKnownVideoIsTheDuplicateEvenWhenItSortsFirst() throws IOException {
        video("b.mp4", "same");
        indexer(MONDAY).index(layout());
        video("a.mp4", "same");

        IndexResult result = indexer(TUESDAY).index(layout());

        assertEquals(List.of("b.mp4"), paths(result));
        assertEquals(MONDAY, result.videos().get(0).added());
        assertEquals(
                List.of(new Duplicate("a.mp4", "b.mp4", result.videos().get(0).id())), result.duplicates());
        assertEquals(List.of(), result.moves());
    }

    @Test
    void movedVideoGoesToItsNewPathEvenWhenADuplicateSortsFirst() throws IOException {
        video("b.mp4", "same");
        IndexResult first = indexer(MONDAY).index(layout());
        video("c-copy.mp4", "same");
        indexer(TUESDAY).index(layout());
        Files.createDirectories(layout().metadataDir());
        Files.writeString(layout().metadataFile("b.mp4"), "title: B\n");
        Files.move(root.resolve("b.mp4"), root.resolve("z.mp4"));

        IndexResult result = indexer(TUESDAY.plusSeconds(60)).index(layout());

        String id = first.videos().get(0).id();
        assertEquals(List.of("z.mp4"), paths(result));
        assertEquals(MONDAY, result.videos().get(0).added());
        assertEquals(List.of(new Move(id, "b.mp4", "z.mp4")), result.moves());
        assertEquals(List.of(new Duplicate("c-copy.mp4", "z.mp4", id)), result.duplicates());
        assertEquals("title: B\n", Files.readString(layout().metadataFile("z.mp4")));
    }

    @Test
    void whenTheVideoIsDeletedItsDuplicateTakesOverWithItsMetadata() throws IOException {
        video("a.mp4", "same");
        video("b.mp4", "same");
        IndexResult first = indexer(MONDAY).index(layout());
        Files.createDirectories(layout().metadataDir());
        Files.writeString(layout().metadataFile("a.mp4"), "title: A\n");
        Files.delete(root.resolve("a.mp4"));

        IndexResult result = indexer(TUESDAY).index(layout());

        String id = first.videos().get(0).id();
        assertEquals(List.of("b.mp4"), paths(result));
        assertEquals(MONDAY, result.videos().get(0).added());
        assertEquals(List.of(new Move(id, "a.mp4", "b.mp4")), result.moves());
        assertEquals(List.of(), result.duplicates());
        assertEquals(0, result.fingerprinted());
        assertEquals("title: A\n", Files.readString(layout().metadataFile("b.mp4")));
    }

    @Test
    void goneVideoIsDroppedFromTheCatalogue() throws IOException {
        video("a.mp4", "alpha");
        video("b.mp4", "beta");
        indexer(MONDAY).index(layout());
        Files.delete(root.resolve("a.mp4"));

        IndexResult result = indexer(TUESDAY).index(layout());

        assertEquals(List.of("b.mp4"), paths(result));
        assertEquals(
                List.of("b.mp4"),
                new CatalogStore()
                        .load(layout().catalogFile()).catalog().entries().stream()
                                .map(CatalogEntry::path)
                                .toList());
    }

    @Test
    void corruptCatalogueIsRebuiltWithAWarning() throws IOException {
        video("a.mp4", "alpha");
        Files.createDirectories(layout().machineDir());
        Files.writeString(layout().catalogFile(), "{\"version\":1,\"entries\":[{");

        IndexResult result = indexer(MONDAY).index(layout());

        assertEquals(List.of("a.mp4"), paths(result));
        assertEquals(1, result.fingerprinted());
        assertEquals(1, result.warnings().size());
        assertEquals(
                "catalogue " + layout().catalogFile() + " is not valid JSON at line 1, column 26 (Unexpected "
                        + "end-of-input: expected close marker for Object): it is rebuilt from the videos, which keep their "
                        + "ids, but 'added' dates start again from now and renames since the last build are not recognised "
                        + "(metadata is matched by path)",
                result.warnings().get(0));
        assertTrue(new CatalogStore().load(layout().catalogFile()).intact());
    }

    @Test
    void fileThatVanishesBeforeItIsFingerprintedIsSkippedWithAWarning() throws IOException {
        Path doomed = video("a.mp4", "alpha");
        video("b.mp4", "beta");
        Fingerprinter deletingFirst = new Fingerprinter(file -> {
            Files.deleteIfExists(doomed);
            return FileChannel.open(file, StandardOpenOption.READ);
        });

        IndexResult result = indexer(MONDAY, deletingFirst).index(layout());

        assertEquals(List.of("b.mp4"), paths(result));
        assertEquals(1, result.warnings().size());
        assertTrue(
                result.warnings()
                        .get(0)
                        .startsWith(
                                "skipped a.mp4: it vanished or became unreadable while indexing (java.nio.file.NoSuchFileException"),
                result.warnings().get(0));
    }

    @Test
    void knownFileThatCannotBeReadOnceKeepsItsIdentity() throws IOException {
        Path a = video("a.mp4", "alpha");
        IndexResult first = indexer(MONDAY).index(layout());
        Files.setLastModifiedTime(a, FileTime.fromMillis(1_000));
        Fingerprinter failing = new Fingerprinter(file -> {
            throw new IOException("device busy");
        });

        IndexResult failed = indexer(TUESDAY, failing).index(layout());
        IndexResult recovered = indexer(TUESDAY).index(layout());

        assertEquals(List.of(), failed.videos());
        assertEquals(first.videos().get(0).id(), recovered.videos().get(0).id());
        assertEquals(MONDAY, recovered.videos().get(0).added());
    }

    @Test
    void unchangedLibraryOfTenThousandVideosIsIndexedQuickly() throws IOException {
        for (int i = 0; i < 10_000; i++) {
            video(String.format("f%02d/v%05d.mp4", i % 50, i), Integer.toString(i));
        }
        assertEquals(10_000, indexer(MONDAY).index(layout()).videos().size());

        long start = System.nanoTime();
        IndexResult again = indexer(TUESDAY).index(layout());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(10_000, again.videos().size());
        assertEquals(0, again.fingerprinted());
        assertTrue(millis < 2000, "indexing an unchanged library of 10,000 videos took " + millis + " ms");
    }

    private Path video(String relative, String content) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    private static List<String> paths(IndexResult result) {
        return result.videos().stream().map(IndexedVideo::path).toList();
    }
}
