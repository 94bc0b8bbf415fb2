package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;

/**
 * {@code ova serve} end to end: renders without processing, serves, follows hand edits, holds the lock,
 * stops cleanly.
 */
class ServeCommandTest {

    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/\\S+)");

    @TempDir
    Path library;

    @Test
    void servesAFreshLibraryRenderedWithoutMediaWorkFollowsHandEditsAndHoldsTheLockUntilStopped() throws Exception {
        TestClips.withLocatedFfmpeg().clip(library.resolve("clip.mp4"), TestClips.Spec.of(1, 64, 36));
        CompletableFuture<Void> stop = new CompletableFuture<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> serving =
                CompletableFuture.supplyAsync(() -> new OvaCli(print, print, List.of(new ServeCommand(stop)))
                        .run("serve", "--port", "0", library.toString()));
        String url = null;
        for (int i = 0; i < 600 && url == null && !serving.isDone(); i++) {
            Matcher found = URL.matcher(out.toString(StandardCharsets.UTF_8));
            url = found.find() ? found.group(1) : null;
            Thread.sleep(50);
        }
        try {
            assertTrue(url != null, out.toString(StandardCharsets.UTF_8));
            assertTrue(url.endsWith("/.ova-repo/site/index.html"), url);
            HttpResponse<String> index = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("Clip"), index.body());
            assertFalse(Files.exists(library.resolve(".ova-repo/media")), "no media processing at start");
            CliRun build = CliRun.of("build", library.toString());
            assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, build.exitCode(), "the lock is held: " + build.err());

            Files.writeString(library.resolve(".ova-repo/metadata/clip.mp4.yaml"), "title: Renamed by hand\n");
            Path page = library.resolve(".ova-repo/site/index.html");
            for (int i = 0; i < 100 && !Files.readString(page).contains("Renamed by hand"); i++) {
                Thread.sleep(50);
            }
            assertTrue(Files.readString(page).contains("Renamed by hand"), "the hand edit re-rendered the site");
        } finally {
            stop.complete(null);
        }
        assertEquals(ExitCode.OK, serving.get(10, TimeUnit.SECONDS));
        assertFalse(
                Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().equals("ova-watch")),
                "the watcher's thread ended with the server");
        String manifest = Files.readString(library.resolve(".ova-repo/machine/site-files.json"));
        // edits leave the site's inputs unknown while serving; the stop writes them down for the next build
        assertFalse(manifest.contains("\"inputs\":\"\""), manifest);
        assertEquals(ExitCode.OK, CliRun.of("-q", "build", library.toString()).exitCode(), "the lock was released");
    }

    @Test
    void trimWritesTheCutAndRefusesTimesPastTheEnd() throws Exception {
        Path clip = TestClips.withLocatedFfmpeg()
                .clip(library.resolve("talk.mp4"), TestClips.Spec.of(3, 64, 36).keyframeEvery(5));
        Path cut = library.resolve("cut.mp4");
        CliRun run = CliRun.of("trim", "-o", cut.toString(), clip.toString(), "0:01", "2.5");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("Wrote " + cut + " (0:01 to 0:02.500, copy)."), run.out());
        assertTrue(Files.size(cut) > 0);
        CliRun past = CliRun.of("trim", "--exact", clip.toString(), "1", "9");
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, past.exitCode());
        assertTrue(past.err().contains("past the end of the video"), past.err());
    }
}
