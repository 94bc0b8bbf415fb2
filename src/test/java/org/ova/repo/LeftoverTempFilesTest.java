package org.ova.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverTempFilesTest {

    @TempDir
    Path root;

    @Test
    void bothTemporaryNamingsOfAtomicWritesAreRecognisedAndNothingElse() {
        assertTrue(LeftoverTempFiles.isTempFile(Path.of(".beach.mp4.yaml.4925720133487613092.tmp")));
        assertTrue(LeftoverTempFiles.isTempFile(Path.of("m/.catalog.json.ova-Zq3_x-9.tmp")));
        assertFalse(LeftoverTempFiles.isTempFile(Path.of("notes.tmp")));
        assertFalse(LeftoverTempFiles.isTempFile(Path.of(".beach.mp4.yaml")));
        assertFalse(LeftoverTempFiles.isTempFile(Path.of(".draft.tmp")));
        assertFalse(LeftoverTempFiles.isTempFile(Path.of(".beach.mp4.yaml.12ab.tmp")));
    }

    @Test
    void removesThemUnderOvaRepoAndAnOutsideSiteButLeavesMediaStagingAndThePersonsFiles() throws IOException {
        LibraryLayout layout = new LibraryLayout(root.resolve("lib"));
        Path metadata = touch(layout.metadataDir().resolve("trips/.beach.mp4.yaml.123.tmp"));
        Path machine = touch(layout.machineDir().resolve(".catalog.json.ova-abc.tmp"));
        Path site = touch(root.resolve("site/video/.x.html.99.tmp"));
        Path media = touch(layout.mediaDir().resolve("id/.thumb.jpg.5.tmp"));
        Path staging = touch(layout.stagingDir().resolve("id/.a.vtt.6.tmp"));
        Path own = touch(layout.metadataDir().resolve("trips/beach.mp4.yaml"));

        List<String> removed = LeftoverTempFiles.remove(layout, root.resolve("site"));

        assertEquals(3, removed.size(), removed.toString());
        assertTrue(removed.contains(".ova-repo/metadata/trips/.beach.mp4.yaml.123.tmp"), removed.toString());
        for (Path gone : List.of(metadata, machine, site)) {
            assertFalse(Files.exists(gone), gone.toString());
        }
        for (Path kept : List.of(media, staging, own)) {
            assertTrue(Files.exists(kept), kept.toString());
        }
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }
}
