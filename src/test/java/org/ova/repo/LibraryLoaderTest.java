package org.ova.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.scan.LibraryIndexer;
import org.ova.repo.scan.ScanOptions;
import org.ova.site.SiteBuilder;

/** Loads real libraries in a temporary folder and renders their sites with the real site builder. */
class LibraryLoaderTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    private final Path root;
    private final LibraryLayout layout;

    LibraryLoaderTest(@TempDir Path root) {
        this.root = root;
        this.layout = new LibraryLayout(root);
    }

    private void video(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void metadata(String videoPath, String yaml) throws IOException {
        Path file = layout.metadataFile(videoPath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    private record Build(Library library, BuildReport report, String site) {
        LibraryVideo video(String path) {
            return library.videos().stream()
                    .filter(v -> v.path().equals(path))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** One build as `ova build` does it, without processing: index, load (metadata cache on disk), render. */
    private Build build() {
        OvaConfig config = OvaConfig.defaults();
        BuildReport report = new BuildReport();
        Library library = new LibraryLoader()
                .load(
                        layout,
                        config,
                        new LibraryIndexer(ScanOptions.from(config.library())).index(layout),
                        id -> Optional.empty(),
                        report);
        SiteBuilder.build(library, NOW);
        return new Build(library, report, siteText(config.site().outputDir(layout)));
    }

    /** Every text file of the rendered site, one after the other. */
    private static String siteText(Path site) {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().matches(".*\\.(html|js|json|vtt|txt|xml)"))
                    .map(file -> {
                        try {
                            return Files.readString(file, StandardCharsets.ISO_8859_1);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> problemLines(BuildReport report) {
        return report.problems().stream().map(BuildReport.Problem::line).toList();
    }

    @Test
    void aBrokenDraftNeverAppearsInTheSite() throws IOException {
        video("walk.mp4", "walk");
        video("party.mp4", "party");
        video("tabbed.mp4", "tabbed");
        metadata("walk.mp4", "title: Public walk\n");
        metadata("party.mp4", "title: Secret party\ndraft: true\nrating: 9\n");
        metadata("tabbed.mp4", "title: Secret tabbed\n\tdraft: true\n");

        Build build = build();

        assertTrue(build.site().contains("Public walk"), "the site was rendered");
        for (String secret : List.of("Secret", "party", "tabbed")) {
            assertFalse(build.site().contains(secret), secret + " is in the site");
        }
        assertEquals(
                List.of(
                        "[metadata] party.mp4: .ova-repo/metadata/party.mp4.yaml:3:9: expected a number from 0 to 5, found 9"
                                + " (held back from the site until fixed)",
                        "[metadata] tabbed.mp4: .ova-repo/metadata/tabbed.mp4.yaml:2:1: invalid YAML: while scanning for the"
                                + " next token, found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB)"
                                + " for indentation) (held back from the site until fixed)"),
                problemLines(build.report()).stream().sorted().toList());
    }

    @Test
    void aVideoKeepsItsLastGoodTitleAndTagsAfterATypo() throws IOException {
        video("beach.mp4", "beach");
        metadata("beach.mp4", "title: Beach day\ntags: [seaside, sunshine]\n");
        assertTrue(build().site().contains("Beach day"));

        // the next build reads the last good version from the metadata cache on disk
        metadata("beach.mp4", "title: Beach day, edited\ntags: [seaside, sunshine]\nratin: 4\nrating: 7\n");
        Build build = build();

        assertEquals("Beach day", build.video("beach.mp4").metadata().title());
        assertEquals(
                List.of("seaside", "sunshine"),
                build.video("beach.mp4").metadata().tags());
        assertTrue(build.site().contains("Beach day") && build.site().contains("sunshine"));
        assertFalse(build.site().contains("edited"));
        assertEquals(
                List.of(
                        "[metadata] beach.mp4: .ova-repo/metadata/beach.mp4.yaml:3:1: unknown key 'ratin'; did you mean"
                                + " 'rating'? (allowed: title, description, tags, rating, draft, vr, chapters, markers)"
                                + " (keeping its last good metadata until fixed)",
                        "[metadata] beach.mp4: .ova-repo/metadata/beach.mp4.yaml:4:9: expected a number from 0 to 5, found 7"
                                + " (keeping its last good metadata until fixed)"),
                problemLines(build.report()));
    }

    @Test
    void aPublishedVideoWhoseBrokenFileAsksForADraftLeavesTheSite() throws IOException {
        video("beach.mp4", "beach");
        metadata("beach.mp4", "title: Beach day\n");
        assertTrue(build().site().contains("Beach day"));

        metadata("beach.mp4", "title: Beach day\ndraft: true\ntags: [a, {b: c}]\n");
        Build build = build();

        assertFalse(build.site().contains("Beach day"));
        assertTrue(
                problemLines(build.report()).get(0).endsWith("(held back from the site until fixed)"),
                problemLines(build.report()).toString());
    }

    @Test
    void aReloadReadsEditedFilesAndKeepsTheLastGoodStateOfBrokenOnes() throws IOException {
        video("beach.mp4", "beach");
        video("hills.mp4", "hills");
        metadata("beach.mp4", "title: Beach day\n");
        Files.createDirectories(layout.playlistsDir());
        Files.writeString(layout.playlistsDir().resolve("trip.yaml"), "title: Trip\nvideos: [beach.mp4]\n");
        Library first = build().library();

        metadata("beach.mp4", "title: Beach day, edited\nrating: 9\n");
        metadata("hills.mp4", "title: Green hills\n");
        Files.writeString(layout.playlistsDir().resolve("trip.yaml"), "title: Trip\nvideos: [beach.mp4\n");
        Files.writeString(layout.playlistsDir().resolve("new.yaml"), "title: New\nvideos: [hills.mp4]\n");
        LibraryLoader.Reloaded reloaded = new LibraryLoader().reload(first, first.config());

        Library library = reloaded.library();
        assertEquals(
                List.of("Beach day", "Green hills"),
                library.videos().stream().map(v -> v.metadata().title()).toList());
        assertEquals(
                List.of("new", "trip"),
                library.playlists().stream().map(p -> p.id()).toList());
        assertEquals(first.playlists().get(0), library.playlists().get(1), "the broken playlist as it was");
        assertEquals(
                List.of(
                        ".ova-repo/metadata/beach.mp4.yaml:2:9: expected a number from 0 to 5, found 9"
                                + " (keeping its last good metadata until fixed)",
                        ".ova-repo/playlists/trip.yaml:3:1:"),
                reloaded.problems().stream()
                        .map(problem -> problem.messageRelativeTo(root))
                        .map(line -> line.startsWith(".ova-repo/playlists/") ? line.substring(0, 34) : line)
                        .sorted()
                        .toList());
        assertTrue(
                reloaded.problems().stream()
                        .anyMatch(problem -> problem.reason().endsWith("(keeping the playlist as it was until fixed)")),
                reloaded.problems().toString());
    }
}
