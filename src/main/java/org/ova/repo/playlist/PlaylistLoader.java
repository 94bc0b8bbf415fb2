package org.ova.repo.playlist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ova.repo.LibraryLayout;
import org.ova.repo.yaml.YamlProblem;

/**
 * Reads every {@code *.yaml} file in a library's playlists folder. Hidden files and sub-folders are
 * skipped; a {@code .yml} file is reported (it would otherwise be silently ignored).
 */
public final class PlaylistLoader {

    private PlaylistLoader() {}

    /**
     * Reads every playlist file of the library.
     *
     * @throws UncheckedIOException when the playlists folder exists but cannot be listed
     */
    public static PlaylistLoad loadAll(LibraryLayout layout) {
        Path dir = layout.playlistsDir();
        if (!Files.isDirectory(dir)) {
            return new PlaylistLoad(List.of(), List.of());
        }
        List<Playlist> playlists = new ArrayList<>();
        List<YamlProblem> problems = new ArrayList<>();
        for (Path file : files(dir)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".yml")) {
                problems.add(new YamlProblem(
                        file,
                        1,
                        1,
                        "playlist files end in " + PlaylistReader.SUFFIX + "; rename it to "
                                + name.substring(0, name.length() - 4) + PlaylistReader.SUFFIX));
            } else if (name.endsWith(PlaylistReader.SUFFIX) && name.length() > PlaylistReader.SUFFIX.length()) {
                try {
                    playlists.add(PlaylistReader.read(file));
                } catch (YamlProblem problem) {
                    problems.add(problem);
                } catch (UncheckedIOException e) {
                    problems.add(new YamlProblem(file, 1, 1, e.getMessage(), e));
                }
            }
        }
        playlists.sort(Comparator.comparing(Playlist::id));
        return new PlaylistLoad(playlists, problems);
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list playlists in " + dir + ": " + e.getMessage(), e);
        }
    }
}
