package org.ova.repo.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.LibraryLayout;

class MetadataStoreTest {

    @TempDir
    Path root;

    private final MetadataStore store = new MetadataStore();

    @Test
    void missingFileIsCreatedFromTheTemplateAndGivesDefaults() throws Exception {
        LibraryLayout layout = new LibraryLayout(root);
        MetadataLoad load = store.load(layout, "trips/my_beach-day.mp4", List.of());
        assertEquals(
                new MetadataLoad(VideoMetadata.defaults("My beach day"), List.of(), MetadataLoad.Source.CREATED), load);
        Path file = root.resolve(".ova-repo/metadata/trips/my_beach-day.mp4.yaml");
        assertEquals(
                MetadataTemplate.render("trips/my_beach-day.mp4", "My beach day", List.of()), Files.readString(file));
    }

    @Test
    void importedChaptersGoIntoANewFile() {
        LibraryLayout layout = new LibraryLayout(root);
        List<Chapter> chapters = List.of(new Chapter(0, "One"), new Chapter(30, "Two"));
        MetadataLoad load = store.load(layout, "a.mp4", chapters);
        assertEquals(chapters, load.metadata().chapters());
        assertEquals(chapters, store.load(layout, "a.mp4", List.of()).metadata().chapters());
    }

    @Test
    void existingFileIsNeverRewritten() throws Exception {
        LibraryLayout layout = new LibraryLayout(root);
        store.load(layout, "a.mp4", List.of());
        Path file = layout.metadataFile("a.mp4");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        byte[] before = Files.readAllBytes(file);

        MetadataLoad second = store.load(layout, "a.mp4", List.of(new Chapter(5, "new import")));

        assertEquals(new MetadataLoad(VideoMetadata.defaults("A"), List.of(), MetadataLoad.Source.FILE), second);
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(old, Files.getLastModifiedTime(file));
    }

    @Test
    void personsEditsAreRead() throws Exception {
        LibraryLayout layout = new LibraryLayout(root);
        Path file = layout.metadataFile("b.mp4");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "title: Mine\nrating: 5\n");
        MetadataLoad load = store.load(layout, "b.mp4", List.of());
        assertEquals("Mine", load.metadata().title());
        assertEquals(5, load.metadata().rating());
        assertFalse(load.created());
    }

    @Test
    void brokenFileNeverReadWellIsHeldBackWithItsProblemAndLeftAlone() throws Exception {
        LibraryLayout layout = new LibraryLayout(root);
        Path file = layout.metadataFile("c.mp4");
        Files.createDirectories(file.getParent());
        byte[] broken = "title: Mine\nrating: 9\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, broken);

        MetadataLoad load = store.load(layout, "c.mp4", List.of());

        assertEquals(VideoMetadata.defaults("C").asDraft(), load.metadata());
        assertEquals(MetadataLoad.Source.HELD_BACK, load.source());
        assertEquals(
                List.of(file + ":2:9: expected a number from 0 to 5, found 9"),
                load.problems().stream().map(Exception::getMessage).toList());
        assertArrayEquals(broken, Files.readAllBytes(file));
    }

    @Test
    void invalidYamlNeverReadWellIsHeldBackWithTheProblem() throws Exception {
        LibraryLayout layout = new LibraryLayout(root);
        Path file = layout.metadataFile("d.mp4");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "title: [oops\n");
        MetadataLoad load = store.load(layout, "d.mp4", List.of());
        assertEquals(VideoMetadata.defaults("D").asDraft(), load.metadata());
        assertEquals(file, load.problems().get(0).file());
    }

    @Test
    void aTypoKeepsTheLastGoodMetadataAndReportsTheProblem() throws Exception {
        LibraryLayout layout = new LibraryLayout(root);
        Path file = layout.metadataFile("e.mp4");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "title: Mine\ntags: [sea, sun]\nrating: 4\n");
        VideoMetadata good = store.load(layout, "e.mp4", List.of()).metadata();

        Files.writeString(file, "title: Mine, edited\ntags: [sea, sun, sand]\nratin: 5\n");
        MetadataLoad load = store.load(layout, "e.mp4", List.of());

        assertEquals(good, load.metadata());
        assertEquals(
                List.of("Mine", List.of("sea", "sun"), false),
                List.of(
                        load.metadata().title(),
                        load.metadata().tags(),
                        load.metadata().draft()));
        assertEquals(MetadataLoad.Source.LAST_GOOD, load.source());
        assertEquals(1, load.problems().size());
        assertEquals(3, load.problems().get(0).line());

        Files.writeString(file, "title: Fixed\n");
        MetadataLoad fixed = store.load(layout, "e.mp4", List.of());
        assertEquals("Fixed", fixed.metadata().title());
        assertEquals(MetadataLoad.Source.FILE, fixed.source());
    }

    @Test
    void aBrokenFileAskingForADraftHoldsBackItsLastGoodMetadata() throws Exception {
        LibraryLayout layout = new LibraryLayout(root);
        Path file = layout.metadataFile("f.mp4");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "title: Public so far\n");
        assertFalse(store.load(layout, "f.mp4", List.of()).metadata().draft());

        Files.writeString(file, "title: Public so far\ndraft: true\nrating: 9\n");
        MetadataLoad load = store.load(layout, "f.mp4", List.of());

        assertEquals("Public so far", load.metadata().title());
        assertTrue(load.metadata().draft());
        assertEquals(MetadataLoad.Source.LAST_GOOD, load.source());
    }
}
