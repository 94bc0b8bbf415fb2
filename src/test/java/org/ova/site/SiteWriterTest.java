package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesOnlyChangedFilesAndListsThemInTheManifest() throws IOException {
        SiteWriter first = new SiteWriter(dir.resolve("site"));
        first.write("a.html", "A");
        first.write("sub/b.html", "B");
        assertEquals(0, first.finish("f1"));
        assertEquals("# inputs f1\na.html\nsub/b.html\n", Files.readString(dir.resolve("site/.ova-site-files")));
        SiteWriter second = new SiteWriter(dir.resolve("site"));
        second.write("a.html", "A");
        second.write("sub/b.html", "B2");
        assertEquals(1, second.written());
        assertEquals(1, second.unchanged());
    }

    @Test
    void filesNoLongerProducedAreDeletedWithTheirEmptyFolders() throws IOException {
        SiteWriter first = new SiteWriter(dir);
        first.write("keep.html", "k");
        first.write("tag/old/page-2.html", "x");
        first.finish("f1");
        Files.writeString(dir.resolve("mine.txt"), "mine");
        Files.writeString(dir.resolve("tag/mine.txt"), "mine");
        SiteWriter second = new SiteWriter(dir);
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
        Files.writeString(site.resolve(".ova-site-files"), "# inputs x\n../precious.mp4\n/etc/passwd\n");
        assertEquals(0, new SiteWriter(site).finish("y"));
        assertTrue(Files.exists(dir.resolve("precious.mp4")));
        assertThrows(SiteException.class, () -> new SiteWriter(site).write("../x.html", "x"));
    }

    @Test
    void upToDateNeedsTheSameFingerprintAndEveryFile() throws IOException {
        SiteWriter first = new SiteWriter(dir);
        first.write("a.html", "A");
        first.write("b.html", "B");
        first.finish("f1");
        assertEquals(2, new SiteWriter(dir).upToDate("f1"));
        assertEquals(-1, new SiteWriter(dir).upToDate("f2"));
        Files.delete(dir.resolve("b.html"));
        assertEquals(-1, new SiteWriter(dir).upToDate("f1"));
    }

    @Test
    void twoPagesCannotClaimOneFile() {
        SiteWriter writer = new SiteWriter(dir);
        writer.write("a.html", "A");
        SiteException error = assertThrows(SiteException.class, () -> writer.write("a.html", "B"));
        assertEquals("two pages want the same file " + dir.resolve("a.html"), error.getMessage());
    }
}
