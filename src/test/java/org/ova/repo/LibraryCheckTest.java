package org.ova.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.scan.LibraryIndexer;
import org.ova.repo.scan.ScanOptions;

class LibraryCheckTest {

    @TempDir
    Path root;

    @Test
    void doctorReportsPlaylistsListingMissingVideosAsProblemsAndMovedOnesAsWarnings() throws IOException {
        LibraryLayout layout = new LibraryLayout(root);
        Files.writeString(root.resolve("a.mp4"), "alpha");
        new LibraryIndexer(ScanOptions.defaults()).index(layout);
        Files.move(root.resolve("a.mp4"), root.resolve("b.mp4"));
        new LibraryIndexer(ScanOptions.defaults()).index(layout);
        Files.createDirectories(layout.playlistsDir());
        Files.writeString(layout.playlistsDir().resolve("list.yaml"), "videos: [a.mp4, gone.mp4]\n");

        LibraryCheck.Result result = LibraryCheck.check(layout, OvaConfig.defaults());

        assertEquals(
                List.of(".ova-repo/playlists/list.yaml: lists 'gone.mp4', which is not in the library"),
                result.problems());
        assertEquals(
                List.of(".ova-repo/playlists/list.yaml: lists 'a.mp4', which was renamed or moved to 'b.mp4'; "
                        + "the playlist shows it, but write the new path into the file"),
                result.warnings());
        assertEquals(1, result.playlists());
    }
}
