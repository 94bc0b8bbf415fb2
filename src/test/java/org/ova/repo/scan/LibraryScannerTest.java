package org.ova.repo.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.LibraryLayout;

class LibraryScannerTest {

    @TempDir
    Path root;

    private final LibraryScanner scanner = new LibraryScanner(ScanOptions.defaults());

    @Test
    void listsVideosSortedByRelativePathWithSizeAndModificationTime() throws IOException {
        file("b.mp4", "bb");
        file("a/z.mkv", "zzz");
        file("a/a.webm", "a");
        Files.setLastModifiedTime(root.resolve("b.mp4"), FileTime.fromMillis(1_700_000_000_123L));

        ScanResult result = scanner.scan(new LibraryLayout(root));

        assertEquals(List.of("a/a.webm", "a/z.mkv", "b.mp4"), paths(result));
        ScannedFile b = result.files().get(2);
        assertEquals(root.resolve("b.mp4"), b.file());
        assertEquals(2, b.size());
        assertEquals(1_700_000_000_123L, b.modifiedMillis());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void skipsHiddenFilesAndFolders() throws IOException {
        file(".hidden.mp4", "x");
        file(".secret/inside.mp4", "x");
        file("shown/.also-hidden.mp4", "x");
        file("shown/seen.mp4", "x");

        assertEquals(List.of("shown/seen.mp4"), paths(scanner.scan(new LibraryLayout(root))));
    }

    @Test
    void skipsTheOvaRepoFolder() throws IOException {
        file(".ova-repo/media/abc/preview.mp4", "x");
        file("clip.mp4", "x");

        assertEquals(List.of("clip.mp4"), paths(scanner.scan(new LibraryLayout(root))));
    }

    @Test
    void matchesExtensionsIgnoringCase() throws IOException {
        file("A.MP4", "x");
        file("b.Mkv", "x");
        file("c.WebM", "x");

        assertEquals(List.of("A.MP4", "b.Mkv", "c.WebM"), paths(scanner.scan(new LibraryLayout(root))));
    }

    @Test
    void skipsFilesThatAreNotVideos() throws IOException {
        file("notes.txt", "x");
        file("mp4", "x");
        file("cover.jpg", "x");
        file("movie.mp4.part", "x");
        file("dir.mp4/inside.txt", "x");
        file("movie.mov", "x");

        assertEquals(List.of("movie.mov"), paths(scanner.scan(new LibraryLayout(root))));
    }

    @Test
    void optionsExtensionsAreNormalised() throws IOException {
        file("a.MTS", "x");
        file("b.mp4", "x");
        LibraryScanner custom = new LibraryScanner(new ScanOptions(Set.of(".mts"), List.of(), true));

        assertEquals(List.of("a.MTS"), paths(custom.scan(new LibraryLayout(root))));
    }

    @Test
    void skipsExcludedPaths() throws IOException {
        file("raw/one.mp4", "x");
        file("raw/deep/two.mp4", "x");
        file("keep/raw/three.mp4", "x");
        file("keep/half.tmp.mp4", "x");
        file("top.tmp.mp4", "x");
        file("keep/good.mp4", "x");
        LibraryScanner excluding = new LibraryScanner(
                new ScanOptions(ScanOptions.defaults().extensions(), List.of("raw/**", "*.tmp.mp4"), true));

        assertEquals(List.of("keep/good.mp4", "keep/raw/three.mp4"),
                paths(excluding.scan(new LibraryLayout(root))));
    }

    @Test
    void linkToAnAncestorDoesNotLoopAndListsEachFileOnce() throws IOException {
        file("a/clip.mp4", "x");
        file("top.mp4", "y");
        Files.createSymbolicLink(root.resolve("a/back-to-root"), root);
        Files.createSymbolicLink(root.resolve("a/back-to-a"), root.resolve("a"));

        ScanResult result = scanner.scan(new LibraryLayout(root));

        assertEquals(List.of("a/clip.mp4", "top.mp4"), paths(result));
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void folderReachedThroughTwoLinksIsListedOnceUnderTheFirstPath() throws IOException {
        Path outside = Files.createTempDirectory(root.getParent(), "outside");
        try {
            Files.writeString(outside.resolve("shared.mp4"), "x");
            Files.createSymbolicLink(root.resolve("link2"), outside);
            Files.createSymbolicLink(root.resolve("link1"), outside);

            assertEquals(List.of("link1/shared.mp4"), paths(scanner.scan(new LibraryLayout(root))));
        } finally {
            Files.delete(outside.resolve("shared.mp4"));
            Files.delete(outside);
        }
    }

    @Test
    void fileReachedThroughALinkIsListedOnceUnderTheFirstPath() throws IOException {
        file("b/real.mp4", "x");
        Files.createSymbolicLink(root.resolve("a-link.mp4"), root.resolve("b/real.mp4"));

        assertEquals(List.of("a-link.mp4"), paths(scanner.scan(new LibraryLayout(root))));
    }

    @Test
    void symlinksAreIgnoredWhenNotFollowed() throws IOException {
        file("b/real.mp4", "x");
        Files.createSymbolicLink(root.resolve("a-link.mp4"), root.resolve("b/real.mp4"));
        Files.createSymbolicLink(root.resolve("c-dir"), root.resolve("b"));
        LibraryScanner noLinks = new LibraryScanner(new ScanOptions(ScanOptions.defaults().extensions(), List.of(), false));

        assertEquals(List.of("b/real.mp4"), paths(noLinks.scan(new LibraryLayout(root))));
    }

    @Test
    void brokenSymlinkIsSkippedWithAWarning() throws IOException {
        file("good.mp4", "x");
        Files.createSymbolicLink(root.resolve("gone.mp4"), root.resolve("nowhere.mp4"));

        ScanResult result = scanner.scan(new LibraryLayout(root));

        assertEquals(List.of("good.mp4"), paths(result));
        assertEquals(List.of("skipped broken symlink " + root.resolve("gone.mp4") + " -> " + root.resolve("nowhere.mp4")),
                result.warnings());
    }

    @Test
    void unreadableFolderIsSkippedWithAWarning() throws IOException {
        file("locked/inside.mp4", "x");
        file("open.mp4", "x");
        Path locked = root.resolve("locked");
        assertTrue(locked.toFile().setReadable(false, false));
        try {
            if (Files.isReadable(locked)) {
                return; // running as root: permissions are not enforced, nothing to check
            }
            ScanResult result = scanner.scan(new LibraryLayout(root));

            assertEquals(List.of("open.mp4"), paths(result));
            assertEquals(1, result.warnings().size());
            assertTrue(result.warnings().get(0).startsWith("skipped folder " + locked + ": "), result.warnings().get(0));
        } finally {
            locked.toFile().setReadable(true, false);
        }
    }

    @Test
    void namesWithSpacesQuotesAndUnicodeWork() throws IOException {
        String nfc = Normalizer.normalize("Café é", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize("Café é", Normalizer.Form.NFD);
        List<String> names = List.of("it's \"quoted\".mp4", "with  spaces/a b.mp4", "日本語/ビデオ.mkv",
                nfc + ".mp4", nfd + ".mp4", "emoji 🎬.webm");
        for (String name : names) {
            file(name, name);
        }

        ScanResult result = scanner.scan(new LibraryLayout(root));

        assertEquals(names.stream().sorted().toList(), paths(result));
        for (ScannedFile f : result.files()) {
            assertEquals(f.path(), Files.readString(f.file()), "each listed path opens its own file");
        }
    }

    @Test
    void missingRootGivesAWarningAndNoFiles() {
        ScanResult result = scanner.scan(new LibraryLayout(root.resolve("missing")));

        assertEquals(List.of(), result.files());
        assertEquals(1, result.warnings().size());
    }

    private void file(String relative, String content) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private static List<String> paths(ScanResult result) {
        return result.files().stream().map(ScannedFile::path).toList();
    }
}
