package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {

    @TempDir
    Path dir;

    @TempDir
    Path machine;

    private SiteManifest manifest() {
        return new SiteManifest(machine.resolve("site-files.json"), "site");
    }

    private SiteWriter writer(Path site) {
        return new SiteWriter(site, manifest());
    }

    @Test
    void writesOnlyChangedFilesAndListsThemInTheManifestOutsideTheSite() throws IOException {
        SiteWriter first = writer(dir.resolve("site"));
        first.write("a.html", "A");
        first.write("sub/b.html", "B");
        assertEquals(0, first.finish("f1"));
        assertEquals(
                "{\"version\":1,\"sites\":{\"site\":{\"inputs\":\"f1\",\"files\":[\"a.html\",\"sub/b.html\"]}}}",
                Files.readString(machine.resolve("site-files.json")));
        assertEquals(List.of("a.html", "sub"), names(dir.resolve("site")));
        SiteWriter second = writer(dir.resolve("site"));
        second.write("a.html", "A");
        second.write("sub/b.html", "B2");
        second.finish("f2");
        assertEquals(1, second.written());
        assertEquals(1, second.unchanged());
        assertEquals("B2", Files.readString(dir.resolve("site/sub/b.html")));
    }

    @Test
    void nothingReachesItsRealNameBeforeFinishAndAnAbandonedRenderLeavesTheOldFiles() throws IOException {
        SiteWriter first = writer(dir);
        first.write("keep.html", "old");
        first.finish("f1");
        SiteWriter second = writer(dir);
        second.write("keep.html", "new");
        second.write("video/new.html", "new page");
        assertEquals("old", Files.readString(dir.resolve("keep.html")));
        assertFalse(Files.exists(dir.resolve("video/new.html")));
        second.abandon();
        assertEquals(List.of("keep.html"), names(dir), "no temporary file or new folder left");
        assertEquals(1, writer(dir).upToDate("f1"));
    }

    @Test
    void filesNoLongerProducedAreDeletedWithTheirEmptyFolders() throws IOException {
        SiteWriter first = writer(dir);
        first.write("keep.html", "k");
        first.write("tag/old/page-2.html", "x");
        first.finish("f1");
        Files.writeString(dir.resolve("mine.txt"), "mine");
        Files.writeString(dir.resolve("tag/mine.txt"), "mine");
        SiteWriter second = writer(dir);
        second.write("keep.html", "k");
        assertEquals(1, second.finish("f2"));
        assertFalse(Files.exists(dir.resolve("tag/old")));
        assertTrue(Files.exists(dir.resolve("tag/mine.txt")));
        assertTrue(Files.exists(dir.resolve("mine.txt")));
    }

    @Test
    void aManifestEditedByHandCannotDeleteOutsideTheSite() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("precious.mp4"), "video");
        Files.writeString(
                machine.resolve("site-files.json"),
                "{\"version\":1,\"sites\":{\"site\":{\"inputs\":\"x\","
                        + "\"files\":[\"../precious.mp4\",\"/etc/passwd\"]}}}");
        assertEquals(0, writer(site).finish("y"));
        assertTrue(Files.exists(dir.resolve("precious.mp4")));
        assertThrows(SiteException.class, () -> writer(site).write("../x.html", "x"));
    }

    @Test
    void aCorruptManifestIsReportedNotEmptied() throws IOException {
        Files.writeString(machine.resolve("site-files.json"), "{\"version\":1,\"sites\":{\"site\":");
        SiteException error = assertThrows(SiteException.class, () -> writer(dir));
        assertTrue(
                error.getMessage().startsWith(machine.resolve("site-files.json") + " is corrupt ("),
                error.getMessage());
        assertTrue(
                error.getMessage()
                        .endsWith("delete it and build with --force; files of earlier builds that are "
                                + "no longer made then stay in the site folder"),
                error.getMessage());
    }

    @Test
    void aFolderOvaDidNotMakeIsRefusedUnlessForced() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "someone's page");
        SiteException error =
                assertThrows(SiteException.class, () -> writer(site).claim(false));
        assertEquals(
                site + " is not empty and was not made by ova: choose another site.output or run with --force",
                error.getMessage());
        writer(site).claim(true);
        writer(site).claim(false);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        new SiteWriter(empty, new SiteManifest(machine.resolve("site-files.json"), "empty")).claim(false);
        assertEquals("someone's page", Files.readString(site.resolve("index.html")));
    }

    @Test
    void aSiteListedInsideItsFolderByAnEarlierVersionIsTakenOver() throws IOException {
        Files.writeString(dir.resolve("old.html"), "old");
        Files.writeString(dir.resolve("keep.html"), "k");
        Files.writeString(dir.resolve(".ova-site-files"), "# inputs f0\nold.html\nkeep.html\n");
        assertEquals(2, writer(dir).upToDate("f0"));
        SiteWriter writer = writer(dir);
        writer.claim(false);
        writer.write("keep.html", "k");
        assertEquals(1, writer.finish("f1"));
        assertEquals(List.of("keep.html"), names(dir));
        assertEquals(1, writer(dir).upToDate("f1"));
    }

    @Test
    void upToDateNeedsTheSameFingerprintAndEveryFile() throws IOException {
        SiteWriter first = writer(dir);
        first.write("a.html", "A");
        first.write("b.html", "B");
        first.finish("f1");
        assertEquals(2, writer(dir).upToDate("f1"));
        assertEquals(-1, writer(dir).upToDate("f2"));
        Files.delete(dir.resolve("b.html"));
        assertEquals(-1, writer(dir).upToDate("f1"));
    }

    @Test
    void twoPagesCannotClaimOneFile() {
        SiteWriter writer = writer(dir);
        writer.write("a.html", "A");
        SiteException error = assertThrows(SiteException.class, () -> writer.write("a.html", "B"));
        assertEquals("two pages want the same file " + dir.resolve("a.html"), error.getMessage());
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
