package org.ova.repo.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.BuildPhase;
import org.ova.repo.BuildReport;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;
import org.ova.repo.scan.CatalogStore;
import org.ova.repo.scan.Fingerprinter;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.LibraryIndexer;
import org.ova.repo.scan.LibraryScanner;
import org.ova.repo.scan.ScanOptions;

class ManualPlaylistPathsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String FILE = ".ova-repo/playlists/weekend.yaml";

    @TempDir
    Path root;

    @Test
    void movedVideoStaysInTheListUnderItsNewPathAndMissingOnesAreReportedOnce() {
        ManualPlaylistPaths paths = new ManualPlaylistPaths(
                List.of("a.mp4", "new/b.mp4"), Map.of("b.mp4", "new/b.mp4", "c.mp4", "deleted-since.mp4"));
        SmartPlaylist smart = new SmartPlaylist(
                "smart", "Smart", "", PlaylistRules.EVERYTHING, PlaylistSort.DEFAULT, OptionalInt.empty());
        PlaylistLoad load = new PlaylistLoad(
                List.of(
                        smart,
                        new ManualPlaylist(
                                "weekend", "Weekend", "", List.of("b.mp4", "gone.mp4", "a.mp4", "c.mp4", "gone.mp4"))),
                List.of());

        PlaylistLoad resolved = paths.resolve(load);

        assertEquals(
                List.of(
                        smart,
                        new ManualPlaylist(
                                "weekend",
                                "Weekend",
                                "",
                                List.of("new/b.mp4", "gone.mp4", "a.mp4", "c.mp4", "gone.mp4"))),
                resolved.playlists());
        assertEquals(
                List.of(
                        new ListedPath(FILE, "b.mp4", Optional.of("new/b.mp4")),
                        new ListedPath(FILE, "gone.mp4", Optional.empty()),
                        new ListedPath(FILE, "c.mp4", Optional.empty())),
                resolved.findings());
    }

    @Test
    void movedVideoIsAWarningNamingTheNewPathAndAMissingOneAProblem() {
        BuildReport report = new BuildReport();

        new ListedPath(FILE, "b.mp4", Optional.of("new/b.mp4")).addTo(report);
        new ListedPath(FILE, "gone.mp4", Optional.empty()).addTo(report);

        assertEquals(
                List.of(FILE + ": lists 'b.mp4', which was renamed or moved to 'new/b.mp4'; the playlist shows "
                        + "it, but write the new path into the file"),
                report.warnings());
        assertEquals(
                List.of(new BuildReport.Problem(
                        BuildPhase.PLAYLISTS, FILE, "lists 'gone.mp4', which is not in the library")),
                report.problems());
    }

    @Test
    void videoRenamedAfterItWasListedIsStillPlayedByTheList() throws IOException {
        LibraryLayout layout = new LibraryLayout(root);
        video("a.mp4", "alpha");
        video("b.mp4", "bravo, longer");
        index(layout);
        Files.createDirectories(layout.playlistsDir());
        Files.writeString(layout.playlistsDir().resolve("weekend.yaml"), "videos:\n  - a.mp4\n  - b.mp4\n");
        Files.createDirectories(root.resolve("2024"));
        Files.move(root.resolve("a.mp4"), root.resolve("2024/Alpha day.mp4"));

        IndexResult index = index(layout);
        PlaylistLoad load = ManualPlaylistPaths.of(index).resolve(PlaylistLoader.loadAll(layout));
        List<LibraryVideo> library = index.videos().stream()
                .map(v -> new LibraryVideo(
                        v.id(),
                        v.path(),
                        v.size(),
                        v.added(),
                        VideoMetadata.defaults(v.path()),
                        Optional.empty(),
                        GeneratedMedia.NONE,
                        VrMode.FLAT))
                .toList();

        List<String> played = PlaylistEvaluator.evaluate(load.playlists().get(0), library, NOW, 0).stream()
                .map(LibraryVideo::path)
                .toList();
        assertEquals(List.of("2024/Alpha day.mp4", "b.mp4"), played);
        assertEquals(List.of(new ListedPath(FILE, "a.mp4", Optional.of("2024/Alpha day.mp4"))), load.findings());
        assertEquals(
                "videos:\n  - a.mp4\n  - b.mp4\n",
                Files.readString(layout.playlistsDir().resolve("weekend.yaml")),
                "the person's file is theirs");
    }

    private IndexResult index(LibraryLayout layout) {
        return new LibraryIndexer(
                        new LibraryScanner(ScanOptions.defaults()),
                        new Fingerprinter(),
                        new CatalogStore(),
                        Clock.fixed(NOW, ZoneOffset.UTC))
                .index(layout);
    }

    private void video(String relative, String content) throws IOException {
        Files.writeString(root.resolve(relative), content);
    }
}
