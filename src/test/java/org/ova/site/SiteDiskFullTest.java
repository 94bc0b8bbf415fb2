package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.AtomicFiles;
import org.ova.repo.Library;

/** Renders onto a small tmpfs (mounted when run as root; skipped otherwise) until the disk is full. */
class SiteDiskFullTest {

    @TempDir
    Path root;

    private Path disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            run("umount", disk.toString());
        }
    }

    /** Mounts a tmpfs of {@code size} on the library's site folder, or skips the test when not permitted. */
    private Path mountSite(String size) throws Exception {
        Path site = Files.createDirectories(root.resolve("site"));
        Assumptions.assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", site.toString()) == 0,
                "mounting a tmpfs needs root");
        disk = site;
        return site;
    }

    @Test
    void aFirstRenderOntoAFullDiskLeavesNoPageAndSaysWhichDisk() throws Exception {
        Path site = mountSite("1m");
        SiteException error = assertThrows(
                SiteException.class, () -> SiteBuilder.build(SiteFixture.richLibrary(root, "site"), SiteFixture.NOW));
        assertTrue(
                error.getMessage().matches("No space left on device on " + site + " \\(\\d+ MB free\\)"),
                error.getMessage());
        assertEquals(Map.of(), files(site), "no page, whole or truncated, under its real name; no temporary file");
    }

    @Test
    void aFailedReRenderKeepsThePreviousPages() throws Exception {
        Path site = mountSite("8m");
        Library library = SiteFixture.richLibrary(root, "site");
        SiteBuilder.build(library, SiteFixture.NOW);
        Map<String, String> before = files(site);
        assertTrue(
                before.containsKey("video/aaaaaaaaaaaaaaa1.html"),
                before.keySet().toString());
        // fill the disk, then change every page (the site's title)
        Path filler = site.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full now
        }
        Library renamed = new Library(
                library.layout(),
                SiteFixture.config("Renamed", 2, "site"),
                library.videos(),
                library.playlists(),
                List.of());
        SiteException error = assertThrows(SiteException.class, () -> SiteBuilder.build(renamed, SiteFixture.NOW));
        assertTrue(error.getMessage().startsWith("No space left on device on " + site), error.getMessage());
        Files.delete(filler);
        assertEquals(before, files(site));
    }

    /** Every file under {@code folder} by its path, with its text; temporary files count too. */
    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = folder.relativize(file).toString();
                files.put(
                        AtomicFiles.isTempFile(file) ? "temporary " + name : name,
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
