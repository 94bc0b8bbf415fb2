package org.ova.repo.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.LibraryLayout;
import org.ova.repo.yaml.YamlProblem;

class PlaylistLoaderTest {

    @TempDir
    Path root;

    private Path write(String name, String text) throws Exception {
        Path file = new LibraryLayout(root).playlistsDir().resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void noPlaylistsFolderMeansNoPlaylists() {
        assertEquals(new PlaylistLoad(List.of(), List.of()), PlaylistLoader.loadAll(new LibraryLayout(root)));
    }

    @Test
    void loadsEveryPlaylistSortedByIdAndReportsTheBrokenOnesWithoutStopping() throws Exception {
        write("weekend.yaml", "videos: [a.mp4]\n");
        write("best-of.yaml", "rules:\n  rating: {min: 4}\n");
        Path broken = write("broken.yaml", "rules:\n  ratng: {min: 4}\n");
        Path invalid = write("invalid.yaml", "rules: [\n");
        write("zzz.yaml", "title: Last\nrules:\n");

        PlaylistLoad load = PlaylistLoader.loadAll(new LibraryLayout(root));

        assertEquals(
                List.of("best-of", "weekend", "zzz"),
                load.playlists().stream().map(Playlist::id).toList());
        assertEquals(
                List.of(broken, invalid),
                load.problems().stream().map(YamlProblem::file).toList());
        assertEquals(
                broken + ":2:3: unknown key 'ratng'; did you mean 'rating'? "
                        + "(allowed: tags, rating, duration, folder, vr, addedWithin, text)",
                load.problems().get(0).getMessage());
    }

    @Test
    void ymlFilesAreReportedAndOtherFilesIgnored() throws Exception {
        Path yml = write("summer.yml", "rules:\n");
        write(".hidden.yaml", "rules:\n");
        write("notes.txt", "hello");
        write("sub/inner.yaml", "rules:\n");
        write("real.yaml", "videos: []\n");

        PlaylistLoad load = PlaylistLoader.loadAll(new LibraryLayout(root));

        assertEquals(
                List.of("real"), load.playlists().stream().map(Playlist::id).toList());
        assertEquals(
                List.of(yml + ":1:1: playlist files end in .yaml; rename it to summer.yaml"),
                load.problems().stream().map(YamlProblem::getMessage).toList());
    }
}
