package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;

/**
 * The file a video page plays is the one processing decided on: an H.264 + AC-3 MP4 (AC-3 plays in
 * no browser) gets a web proxy, and its page plays the proxy, not the original.
 */
class BuildPlaybackTest {

    @TempDir
    Path library;

    @Test
    void anH264WithAc3AudioPlaysItsWebProxy() throws IOException {
        TestClips.withLocatedFfmpeg()
                .clip(
                        library.resolve("dolby.mp4"),
                        TestClips.Spec.of(0.6, 64, 36).withAudio("ac3"));
        CliRun run = CliRun.of("build", library.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.out());
        assertTrue(run.out().contains("[INFO] Web-playable copy generated for 'dolby.mp4'."), run.out());

        String page = videoPage();
        assertTrue(
                page.matches("(?s).*<source src=\"[./]*\\.ova-repo/media/[0-9a-f]+/webproxy/proxy\\.mp4\""
                        + " type=\"video/mp4\">.*"),
                page);
        assertTrue(!page.contains("<source src=\"../../dolby.mp4\""), page);
    }

    private String videoPage() throws IOException {
        try (Stream<Path> files = Files.walk(library.resolve(".ova-repo/site"))) {
            List<Path> pages = files.filter(file -> file.toString().endsWith(".html"))
                    .filter(file -> read(file).contains("<source "))
                    .toList();
            assertEquals(1, pages.size(), pages.toString());
            return read(pages.get(0));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
