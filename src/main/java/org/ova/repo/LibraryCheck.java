package org.ova.repo;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.metadata.MetadataReader;
import org.ova.repo.metadata.TitleFromFileName;
import org.ova.repo.playlist.ListedPath;
import org.ova.repo.playlist.ManualPlaylistPaths;
import org.ova.repo.playlist.PlaylistLoad;
import org.ova.repo.playlist.PlaylistLoader;
import org.ova.repo.scan.CatalogStore;
import org.ova.repo.scan.LibraryScanner;
import org.ova.repo.scan.ScanOptions;
import org.ova.repo.scan.ScanResult;
import org.ova.repo.scan.ScannedFile;

/**
 * A read-only look at a library for {@code ova doctor}: what a build would find and which of the
 * person's files it would complain about, without creating or changing anything.
 */
public final class LibraryCheck {

    /**
     * What {@code ova doctor} reports about the library.
     *
     * @param videos          video files a build would find
     * @param folders         folders holding them
     * @param metadataFiles   videos that already have a metadata file
     * @param playlists       readable playlists
     * @param problems        invalid metadata or playlist files, with file:line:column; playlists
     *                        listing a video that is not in the library
     * @param warnings        scan warnings (broken links, unreadable folders); playlists listing a
     *                        video under its former path
     * @param sample          a video of the library (the first found), to test decoding on
     */
    public record Result(
            int videos,
            int folders,
            int metadataFiles,
            int playlists,
            List<String> problems,
            List<String> warnings,
            Optional<Path> sample) {}

    private LibraryCheck() {}

    public static Result check(LibraryLayout layout, OvaConfig config) {
        ScanResult scan = new LibraryScanner(ScanOptions.from(config.library())).scan(layout);
        List<ScannedFile> files = scan.files();
        Set<String> folders = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        int metadataFiles = 0;
        for (ScannedFile file : files) {
            int slash = file.path().lastIndexOf('/');
            folders.add(slash < 0 ? "" : file.path().substring(0, slash));
            if (Files.isRegularFile(layout.metadataFile(file.path()))) {
                metadataFiles++;
                try {
                    MetadataReader.read(layout.metadataFile(file.path()), TitleFromFileName.of(file.path()))
                            .problems()
                            .forEach(problem -> problems.add(problem.messageRelativeTo(layout.root())));
                } catch (UncheckedIOException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        List<String> warnings = new ArrayList<>(scan.warnings());
        // read-only: the catalogue as the last build left it says where renamed videos went
        ManualPlaylistPaths paths = new ManualPlaylistPaths(
                files.stream().map(ScannedFile::path).toList(),
                new CatalogStore().load(layout.catalogFile()).catalog().formerPaths());
        PlaylistLoad playlists = paths.resolve(PlaylistLoader.loadAll(layout));
        playlists.problems().forEach(e -> problems.add(e.messageRelativeTo(layout.root())));
        for (ListedPath finding : playlists.findings()) {
            (finding.missing() ? problems : warnings).add(finding.playlistFile() + ": " + finding.message());
        }
        return new Result(
                files.size(),
                folders.size(),
                metadataFiles,
                playlists.playlists().size(),
                problems,
                warnings,
                files.stream().findFirst().map(file -> layout.root().resolve(file.path())));
    }
}
