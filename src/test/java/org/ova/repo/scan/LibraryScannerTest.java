package org.ova.repo.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.time.Duration;
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

        assertEquals(List.of("keep/good.mp4", "keep/raw/three.mp4"), paths(excluding.scan(new LibraryLayout(root))));
    }

    @Test
    void linkToAnAncestorDoesNotLoopAndListsEachFileOnce() throws IOException {
        file("a/clip.mp4", "x");
        file("top.mp4", "y");
        Files.createSymbolicLink(root.resolve("a/back-to-root"), root);
        Files.createSymbolicLink(root.resolve("a/back-to-a"), root.resolve("a"));

        ScanResult result = scanner.scan(new LibraryLayout(root));

        assertEquals(List.of("a/clip.mp4", "top.mp4"), paths(result));
        assertEquals(
                List.of(
                        "skipped symlink 'a/back-to-a': it leads to 'a' inside the library, where each video is listed once, "
                                + "under its real path",
                        "skipped symlink 'a/back-to-root': it leads to the library folder itself inside the library, where "
                                + "each video is listed once, under its real path"),
                result.warnings());
    }

    @Test
    void fileLinkIntoTheLibraryNeverTakesOverTheRealPath() throws IOException {
        file("b/real.mp4", "x");
        Files.createSymbolicLink(root.resolve("a-link.mp4"), root.resolve("b/real.mp4"));
        Files.createSymbolicLink(root.resolve("c-relative.mp4"), Path.of("b/real.mp4"));
        Files.createSymbolicLink(root.resolve("notes.txt"), root.resolve("b/real.mp4"));

        ScanResult result = scanner.scan(new LibraryLayout(root));

        assertEquals(List.of("b/real.mp4"), paths(result));
        assertEquals(root.resolve("b/real.mp4"), result.files().get(0).file());
        assertEquals(
                List.of(
                        "skipped symlink 'a-link.mp4': it leads to 'b/real.mp4' inside the library, where each video is "
                                + "listed once, under its real path",
                        "skipped symlink 'c-relative.mp4': it leads to 'b/real.mp4' inside the library, where each video is "
                                + "listed once, under its real path"),
                result.warnings(),
                "a link that is no video is no news");
    }

    @Test
    void folderLinkIntoTheLibraryLeavesTheRealFolderInPlace() throws IOException {
        file("trips/2024/beach.mp4", "x");
        file("trips/2024/lake.mp4", "y");
        Files.createSymbolicLink(root.resolve("Favourites"), root.resolve("trips/2024"));
        Files.createSymbolicLink(root.resolve("a-hidden-route"), root.resolve(".ova-repo"));
        file(".ova-repo/media/abc/preview.mp4", "z");

        ScanResult result = scanner.scan(new LibraryLayout(root));

        assertEquals(List.of("trips/2024/beach.mp4", "trips/2024/lake.mp4"), paths(result));
        assertEquals(2, result.warnings().size(), result.warnings().toString());
        assertTrue(
                result.warnings().get(0).startsWith("skipped symlink 'Favourites': it leads to 'trips/2024' inside"));
        assertTrue(result.warnings().get(1).startsWith("skipped symlink 'a-hidden-route': it leads to '.ova-repo'"));
    }

    @Test
    void folderReachedThroughTwoLinksIsListedOnceUnderTheFirstPath() throws IOException {
        Path outside = Files.createTempDirectory(root.getParent(), "outside");
        try {
            Files.writeString(outside.resolve("shared.mp4"), "x");
            Files.createSymbolicLink(root.resolve("link2"), outside);
            Files.createSymbolicLink(root.resolve("link1"), outside);

            ScanResult result = scanner.scan(new LibraryLayout(root));

            assertEquals(List.of("link1/shared.mp4"), paths(result));
            assertEquals(root.resolve("link1/shared.mp4"), result.files().get(0).file());
            assertEquals(List.of(), result.warnings());
        } finally {
            Files.delete(outside.resolve("shared.mp4"));
            Files.delete(outside);
        }
    }

    @Test
    void linkToTheFileSystemRootIsSkippedAtOnceInsteadOfWalkingTheMachine() throws IOException {
        file("clip.mp4", "x");
        Files.createSymbolicLink(root.resolve("everything"), Path.of("/"));
        Path parent = Files.createSymbolicLink(root.resolve("parent"), root.getParent());

        ScanResult result =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> scanner.scan(new LibraryLayout(root)));

        assertEquals(List.of("clip.mp4"), paths(result));
        assertEquals(
                List.of(
                        "skipped symlink 'everything' -> /: that folder contains the library, so following it would walk "
                                + "the library again",
                        "skipped symlink 'parent' -> " + parent.toRealPath() + ": that folder contains the library, so "
                                + "following it would walk the library again"),
                result.warnings());
    }

    @Test
    void linkToASystemFolderIsSkippedWithOneWarning() throws IOException {
        Path proc = Path.of("/proc");
        assumeTrue(
                Files.isDirectory(proc)
                        && "proc".equals(Files.getFileStore(proc).type()),
                "needs Linux's /proc");
        file("clip.mp4", "x");
        Files.createSymbolicLink(root.resolve("proc"), proc);
        Files.createSymbolicLink(root.resolve("self"), Path.of("/proc/self"));

        ScanResult result =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> scanner.scan(new LibraryLayout(root)));

        assertEquals(List.of("clip.mp4"), paths(result));
        assertEquals(2, result.warnings().size(), result.warnings().toString());
        assertEquals(
                "skipped symlink 'proc' -> /proc: it leads to a system folder (proc), not to videos",
                result.warnings().get(0));
    }

    @Test
    void hardLinksAreTwoPathsForTheIndexerToTellApart() throws IOException {
        file("b/real.mp4", "x");
        Files.createLink(root.resolve("a.mp4"), root.resolve("b/real.mp4"));

        assertEquals(List.of("a.mp4", "b/real.mp4"), paths(scanner.scan(new LibraryLayout(root))));
    }

    @Test
    void symlinksAreIgnoredWhenNotFollowed() throws IOException {
        file("b/real.mp4", "x");
        Files.createSymbolicLink(root.resolve("a-link.mp4"), root.resolve("b/real.mp4"));
        Files.createSymbolicLink(root.resolve("c-dir"), root.resolve("b"));
        Files.createSymbolicLink(root.resolve("d-root"), Path.of("/"));
        LibraryScanner noLinks =
                new LibraryScanner(new ScanOptions(ScanOptions.defaults().extensions(), List.of(), false));

        ScanResult result = noLinks.scan(new LibraryLayout(root));

        assertEquals(List.of("b/real.mp4"), paths(result));
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void brokenSymlinkIsSkippedWithAWarning() throws IOException {
        file("good.mp4", "x");
        Files.createSymbolicLink(root.resolve("gone.mp4"), root.resolve("nowhere.mp4"));

        ScanResult result = scanner.scan(new LibraryLayout(root));

        assertEquals(List.of("good.mp4"), paths(result));
        assertEquals(
                List.of("skipped broken symlink " + root.resolve("gone.mp4") + " -> " + root.resolve("nowhere.mp4")),
                result.warnings());
    }

    @Test
    void linkThatCannotBeResolvedIsSkippedWithOneWarningEvenAsRoot() throws IOException {
        file("good.mp4", "x");
        Files.createSymbolicLink(root.resolve("loop.mp4"), Path.of("loop.mp4"));
        Files.createSymbolicLink(root.resolve("ping"), Path.of("pong"));
        Files.createSymbolicLink(root.resolve("pong"), Path.of("ping"));

        ScanResult result = scanner.scan(new LibraryLayout(root));

        assertEquals(List.of("good.mp4"), paths(result));
        assertEquals(3, result.warnings().size(), result.warnings().toString());
        assertTrue(
                result.warnings().get(0).startsWith("skipped symlink " + root.resolve("loop.mp4") + ": "),
                result.warnings().get(0));
        assertEquals(List.of("loop.mp4", "ping", "pong"), result.unreadable());
    }

    @Test
    void unreadableFolderIsSkippedWithOneWarningAndReported() throws IOException {
        file("locked/inside.mp4", "x");
        file("locked/deeper/more.mp4", "x");
        file("open.mp4", "x");
        Path locked = root.resolve("locked");
        assertTrue(locked.toFile().setReadable(false, false));
        try {
            // root reads every folder whatever its mode; then there is no failure to see
            assumeFalse(Files.isReadable(locked), "running as root: folder permissions are not enforced");
            ScanResult result = scanner.scan(new LibraryLayout(root));

            assertEquals(List.of("open.mp4"), paths(result));
            assertEquals(List.of("skipped folder " + locked + ": permission denied"), result.warnings());
            assertEquals(List.of("locked"), result.unreadable());
            assertTrue(result.isUnreadable("locked/deeper/more.mp4"));
            assertFalse(result.isUnreadable("lockedx/a.mp4"));
        } finally {
            locked.toFile().setReadable(true, false);
        }
    }

    @Test
    void namesWithSpacesQuotesAndUnicodeWork() throws IOException {
        String nfc = Normalizer.normalize("Café é", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize("Café é", Normalizer.Form.NFD);
        List<String> names = List.of(
                "it's \"quoted\".mp4",
                "with  spaces/a b.mp4",
                "日本語/ビデオ.mkv",
                nfc + ".mp4",
                nfd + ".mp4",
                "emoji 🎬.webm");
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
        assertTrue(result.isUnreadable("any/video.mp4"), "what was known is kept, not forgotten");
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
