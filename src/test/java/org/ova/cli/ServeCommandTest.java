package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.repo.scan.Fingerprinter;

/**
 * {@code ova serve} end to end: renders without processing, serves, follows hand edits, holds the lock,
 * stops cleanly.
 */
class ServeCommandTest {

    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/\\S+)");

    @TempDir
    Path library;

    @TempDir
    Path elsewhere;

    @Test
    void servesAFreshLibraryRenderedWithoutMediaWorkFollowsHandEditsAndHoldsTheLockUntilStopped() throws Exception {
        TestClips.withLocatedFfmpeg().clip(library.resolve("clip.mp4"), TestClips.Spec.of(1, 64, 36));
        try (ServeFixture served = ServeFixture.start(library, "--no-process")) {
            String url = served.url();
            assertTrue(url.endsWith("/.ova-repo/site/index.html"), url);
            HttpResponse<String> index = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("Clip"), index.body());
            assertFalse(Files.exists(library.resolve(".ova-repo/media")), "no media processing at start");
            HttpResponse<String> jobs = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url.replace(".ova-repo/site/index.html", "api/jobs")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"processing\":false,\"jobs\":[]}", jobs.body());
            CliRun build = CliRun.of("build", library.toString());
            assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, build.exitCode(), "the lock is held: " + build.err());

            Files.writeString(library.resolve(".ova-repo/metadata/clip.mp4.yaml"), "title: Renamed by hand\n");
            Path page = library.resolve(".ova-repo/site/index.html");
            for (int i = 0; i < 100 && !Files.readString(page).contains("Renamed by hand"); i++) {
                Thread.sleep(50);
            }
            assertTrue(Files.readString(page).contains("Renamed by hand"), "the hand edit re-rendered the site");
            assertFalse(Files.exists(library.resolve(".ova-repo/media")), "--no-process: nothing was processed");
        }
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
    void chaptersSavedWhileServingRemakeTheChapterTrackFile() throws Exception {
        TestClips.withLocatedFfmpeg().clip(library.resolve("clip.mp4"), TestClips.Spec.of(2, 64, 36));
        assertEquals(ExitCode.OK, CliRun.of("-q", "build", library.toString()).exitCode());
        String id = new Fingerprinter().fingerprint(library.resolve("clip.mp4")).videoId();
        Path track = library.resolve(".ova-repo/media/" + id + "/chapters/chapters.vtt");
        assertFalse(Files.exists(track), "no chapters, no track");
        try (ServeFixture served = ServeFixture.start(library)) {
            for (String title : List.of("Second part", "The end")) {
                HttpResponse<String> saved = served.send(served.write("/api/videos/" + id)
                        .header("Content-Type", "application/json")
                        .header("If-Match", "*")
                        .method(
                                "PATCH",
                                HttpRequest.BodyPublishers.ofString("{\"chapters\": [{\"at\": 0, \"title\": \"Start\"},"
                                        + " {\"at\": 1, \"title\": \"" + title + "\"}]}")));
                assertEquals(200, saved.statusCode(), saved.body());
                for (int i = 0;
                        i < 600
                                && !(Files.exists(track)
                                        && Files.readString(track).contains(title));
                        i++) {
                    Thread.sleep(50);
                }
                assertTrue(Files.exists(track) && Files.readString(track).contains(title), served.console());
            }
        }
    }

    @Test
    void servingProcessesWhatABuildWouldInTheBackgroundAndPrintsEachVideosWorkflowBlock() throws Exception {
        TestClips.withLocatedFfmpeg().clip(library.resolve("clip.mp4"), TestClips.Spec.of(1, 64, 36));
        try (ServeFixture served = ServeFixture.start(library)) {
            List<String> block = List.of(
                    "--- Processing video: clip.mp4 ---",
                    "Running video processor service...",
                    "VTTs generated for video 'clip.mp4'.",
                    "Thumbnail generated for 'clip.mp4'.",
                    "Preview generated for 'clip.mp4'.",
                    "Video processor service finished.",
                    "Video data added to database.",
                    "Video 'clip.mp4' successfully added to storage.");
            Path log = library.resolve(".ova-repo/logs/ova.log");
            for (int i = 0; i < 600 && !loggedInOrder(log, block); i++) {
                Thread.sleep(50);
            }
            assertTrue(loggedInOrder(log, block), Files.readString(log));
            Path index = library.resolve(".ova-repo/site/index.html");
            for (int i = 0; i < 100 && !Files.readString(index).contains("/thumbnail/"); i++) {
                Thread.sleep(50);
            }
            assertTrue(Files.readString(index).contains("/thumbnail/"), "the library page shows the new thumbnail");
        }
        assertFalse(
                Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().startsWith("ova-processing")),
                "the processing threads ended with the server");
    }

    @Test
    void aClipCopiedInAppearsProcessedAndADeletedOneDisappearsWithoutARestart() throws Exception {
        TestClips clips = TestClips.withLocatedFfmpeg();
        Path first = clips.clip(library.resolve("clip.mp4"), TestClips.Spec.of(1, 64, 36));
        String firstId = new Fingerprinter().fingerprint(first).videoId();
        Path made = clips.clip(elsewhere.resolve("arrival.mp4"), TestClips.Spec.of(1, 96, 36));
        String arrivalId = new Fingerprinter().fingerprint(made).videoId();
        try (ServeFixture served = ServeFixture.start(library, Duration.ofMillis(200))) {
            String index = served.url();
            String arrivalPage = index.replace("index.html", "video/" + arrivalId + ".html");
            assertEquals(404, get(arrivalPage).statusCode());

            Files.createDirectories(library.resolve("Clips"));
            Files.copy(made, library.resolve("Clips/arrival.mp4"));
            for (int i = 0; i < 600 && !get(index).body().contains("media/" + arrivalId + "/thumbnail/"); i++) {
                Thread.sleep(50);
            }
            assertTrue(get(index).body().contains("media/" + arrivalId + "/thumbnail/"), "listed, processed");
            assertEquals(200, get(arrivalPage).statusCode());
            assertTrue(get(arrivalPage).body().contains("Arrival"));

            Files.delete(first);
            for (int i = 0; i < 200 && get(index).body().contains("video/" + firstId + ".html"); i++) {
                Thread.sleep(50);
            }
            assertFalse(get(index).body().contains("video/" + firstId + ".html"), "no longer listed");
            assertEquals(
                    404,
                    get(index.replace("index.html", "video/" + firstId + ".html"))
                            .statusCode());
            String log = Files.readString(library.resolve(".ova-repo/logs/ova.log"));
            assertTrue(log.contains("New video: Clips/arrival.mp4"), log);
            assertTrue(log.contains("Removed: clip.mp4"), log);
        }
        assertFalse(
                Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().equals("ova-watch-videos")),
                "the video watcher's thread ended with the server");
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether {@code log} has a run of lines (besides debug ones) ending in {@code messages}, in this order. */
    private static boolean loggedInOrder(Path log, List<String> messages) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        // debug lines (the sprites' plan) are in the file, not on the console
        List<String> lines = Files.readAllLines(log).stream()
                .filter(line -> !line.contains(" DEBUG "))
                .toList();
        for (int start = 0; start + messages.size() <= lines.size(); start++) {
            int at = start;
            if (messages.stream()
                    .allMatch(
                            message -> lines.get(at + messages.indexOf(message)).endsWith(message))) {
                return true;
            }
        }
        return false;
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
