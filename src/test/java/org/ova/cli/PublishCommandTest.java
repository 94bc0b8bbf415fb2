package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.site.LinkChecker;

/**
 * {@code ova publish} on a real library built with real ffmpeg: a draft, a playlist, a tag, and file
 * names a FAT disk cannot hold.
 */
class PublishCommandTest {

    private static final String UNSAFE = "Trips/What? A: trip.mp4";

    @TempDir
    static Path library;

    @TempDir
    Path work;

    /** The server's token, in the library's config.yaml: it must never be published. */
    private static final String TOKEN = "s3cret-server-token-4711";

    @BeforeAll
    static void buildLibrary() throws IOException {
        clip("Family/beach.mp4", 0.6);
        clip("Family/party.mp4", 0.7);
        clip(UNSAFE, 0.8);
        clip("Trips/CON.mp4", 0.9);
        write(".ova-repo/metadata/Family/beach.mp4.yaml", "title: Beach\ntags: [family]\n");
        write(".ova-repo/metadata/Family/party.mp4.yaml", "title: Secret party\ndraft: true\n");
        write(".ova-repo/playlists/weekend.yaml", "title: Weekend\nvideos:\n  - Family/beach.mp4\n  - Trips/CON.mp4\n");
        write(".ova-repo/config.yaml", "server:\n  token: " + TOKEN + "\n");
        CliRun run = CliRun.of("build", "-q", library.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.out() + run.err());
    }

    private static void clip(String path, double seconds) throws IOException {
        Path file = library.resolve(path);
        Files.createDirectories(file.getParent());
        TestClips.withLocatedFfmpeg().clip(file, TestClips.Spec.of(seconds, 64, 36));
    }

    private static void write(String path, String text) throws IOException {
        Path file = library.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private CliRun publish(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("publish", library.toString(), "--to", out.toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> folder.relativize(path).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void publishedFolderPassesTheLinkCheckAndHoldsNoDraftConfigLogMetadataOrMachineFile() throws IOException {
        Path out = work.resolve("out");
        CliRun run = publish(out);
        assertEquals(ExitCode.OK, run.exitCode(), run.out() + run.err());

        LinkChecker.Result links = LinkChecker.checkSelfContained(out);
        assertEquals(List.of(), links.broken());
        assertTrue(links.checked() > 50, "links checked: " + links.checked());
        List<String> files = files(out);
        for (String file : files) {
            // ova's bookkeeping stays in the library's machine files: nothing hidden goes out
            assertFalse(file.startsWith(".") || file.contains("/."), file);
            assertFalse(
                    file.contains(".ova-repo")
                            || file.endsWith(".yaml")
                            || file.endsWith(".log")
                            || (file.endsWith(".json") && !file.startsWith("assets/"))
                            || file.contains("party"),
                    file);
            if (file.endsWith(".html") || file.endsWith(".js")) {
                String text = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
                assertFalse(
                        text.contains("Secret party") || text.contains(TOKEN), file + " shows the draft or the token");
            }
        }
        assertEquals(
                3, files.stream().filter(file -> file.startsWith("videos/")).count(), files.toString());
        assertTrue(Files.readString(out.resolve("index.html")).contains("What? A: trip"), "the published titles");
        // the scrub thumbnails the inlined WebVTT names are there too
        for (String vtt :
                files.stream().filter(file -> file.endsWith("sprites.vtt")).toList()) {
            for (String line : Files.readAllLines(out.resolve(vtt))) {
                if (line.contains("#xywh=")) {
                    String sheet = line.substring(0, line.indexOf('#'));
                    assertTrue(Files.isRegularFile(out.resolve(vtt).resolveSibling(sheet)), line);
                }
            }
        }
    }

    @Test
    void aPlaylistSubsetHoldsOnlyItsVideosAndWorksOnItsOwn() throws IOException {
        Path out = work.resolve("usb");
        CliRun run = publish(out, "--playlist", "weekend", "--videos", "copy");
        assertEquals(ExitCode.OK, run.exitCode(), run.out() + run.err());

        assertEquals(List.of(), LinkChecker.checkSelfContained(out).broken());
        List<String> files = files(out);
        assertEquals(
                List.of("videos/Family/beach.mp4", "videos/Trips/_CON.mp4"),
                files.stream().filter(file -> file.startsWith("videos/")).toList());
        assertEquals(
                2, files.stream().filter(file -> file.endsWith("thumb.jpg")).count(), files.toString());
        assertEquals(2, files.stream().filter(file -> file.startsWith("video/")).count(), files.toString());
        for (String file : files) {
            if (file.endsWith(".html") || file.endsWith(".js")) {
                String text = Files.readString(out.resolve(file));
                assertFalse(
                        text.contains("A: trip") || text.contains("A_ trip"),
                        file + " lists a video outside the playlist");
            }
        }
    }

    @Test
    void videosAreHardLinkedWhenOnTheLibrarysFileSystem() throws IOException {
        Path out = library.resolve(".published");
        assertEquals(ExitCode.OK, publish(out).exitCode());
        Object original = Files.readAttributes(library.resolve("Family/beach.mp4"), BasicFileAttributes.class)
                .fileKey();
        Object published = Files.readAttributes(out.resolve("videos/Family/beach.mp4"), BasicFileAttributes.class)
                .fileKey();
        assertTrue(original != null && original.equals(published), original + " vs " + published);
    }

    @Test
    void aNoOpRepublishWritesNothing() throws IOException {
        Path out = work.resolve("out");
        assertEquals(ExitCode.OK, publish(out).exitCode());
        Map<String, String> before = stamps(out);

        CliRun again = publish(out);
        assertEquals(ExitCode.OK, again.exitCode(), again.out());
        assertTrue(again.out().contains("[INFO] Published copy is up to date: " + out), again.out());
        assertEquals(before, stamps(out));
    }

    private static Map<String, String> stamps(Path folder) throws IOException {
        Map<String, String> stamps = new TreeMap<>();
        for (String file : files(folder)) {
            BasicFileAttributes attributes = Files.readAttributes(folder.resolve(file), BasicFileAttributes.class);
            stamps.put(file, attributes.lastModifiedTime() + " " + attributes.fileKey());
        }
        return stamps;
    }

    @Test
    void fileNamesAFatDiskCannotHoldAreSanitised() throws IOException {
        Path out = work.resolve("out");
        assertEquals(ExitCode.OK, publish(out).exitCode());
        assertTrue(
                Files.isRegularFile(out.resolve("videos/Trips/What_ A_ trip.mp4")),
                files(out).toString());
        assertTrue(
                Files.isRegularFile(out.resolve("videos/Trips/_CON.mp4")),
                files(out).toString());
        assertFalse(Files.exists(out.resolve("videos/Trips/CON.mp4")));
    }

    @Test
    void republishingASubsetDeletesWhatNoLongerBelongs() throws IOException {
        Path out = work.resolve("out");
        assertEquals(ExitCode.OK, publish(out).exitCode());
        CliRun run = publish(out, "--tag", "family");
        assertEquals(ExitCode.OK, run.exitCode(), run.out());

        List<String> files = files(out);
        assertEquals(
                List.of("videos/Family/beach.mp4"),
                files.stream().filter(file -> file.startsWith("videos/")).toList());
        assertFalse(Files.exists(out.resolve("videos/Trips")), "emptied folders go too");
        assertEquals(
                1, files.stream().filter(file -> file.endsWith("thumb.jpg")).count(), files.toString());
        assertEquals(List.of(), LinkChecker.checkSelfContained(out).broken());
    }

    @Test
    void aFolderInsideOvaRepoOrNotMadeByOvaIsRefusedUnlessForced() throws IOException {
        CliRun inside = publish(library.resolve(".ova-repo/out"));
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, inside.exitCode());
        assertTrue(inside.err().contains("inside the library's .ova-repo"), inside.err());

        Path foreign = work.resolve("documents");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("letter.txt"), "keep me");
        CliRun refused = publish(foreign);
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, refused.exitCode());
        assertTrue(refused.err().contains("not empty and was not made by ova publish"), refused.err());
        assertEquals(List.of("letter.txt"), files(foreign));

        assertEquals(ExitCode.OK, publish(foreign, "--force").exitCode());
        assertEquals("keep me", Files.readString(foreign.resolve("letter.txt")));
    }

    @Test
    void anUnknownPlaylistIsAProblemNamingTheKnownOnes() {
        CliRun run = publish(work.resolve("out"), "--playlist", "nope");
        assertEquals(ExitCode.COMPLETED_WITH_FAILURES, run.exitCode());
        assertTrue(run.out().contains("the library has no playlist 'nope'; it has: weekend"), run.out());
    }

    @Test
    void withAVideoBaseUrlThePagesPlayVideosFromThereAndNoneAreCopied() throws IOException {
        Path out = work.resolve("out");
        CliRun run = publish(out, "--video-base-url", "https://cdn.example.org/v");
        assertEquals(ExitCode.OK, run.exitCode(), run.out());
        assertFalse(Files.exists(out.resolve("videos")));
        String pages = String.join(
                "\n",
                files(out).stream()
                        .filter(file -> file.startsWith("video/"))
                        .map(file -> readQuietly(out.resolve(file)))
                        .toList());
        assertTrue(pages.contains("src=\"https://cdn.example.org/v/Trips/What%3F%20A%3A%20trip.mp4\""), pages);
        assertEquals(List.of(), LinkChecker.checkSelfContained(out).broken());
    }

    @Test
    void onAnotherFileSystemVideosAreCopiedInstead() throws IOException {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(
                Files.isDirectory(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(library)),
                "needs a second file system");
        Path out = Files.createTempDirectory(shm, "ova-publish-test-");
        try {
            CliRun run = publish(out);
            assertEquals(ExitCode.OK, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("0 files linked, "), run.out());
            assertEquals(
                    Files.size(library.resolve("Family/beach.mp4")),
                    Files.size(out.resolve("videos/Family/beach.mp4")));
            assertEquals(List.of(), LinkChecker.checkSelfContained(out).broken());
            assertTrue(publish(out).out().contains("Published copy is up to date"), "copies are kept when unchanged");
        } finally {
            try (Stream<Path> paths = Files.walk(out)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
