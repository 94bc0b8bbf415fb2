package org.ova.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegLocator;
import org.ova.media.jobs.ProcessingService;
import org.ova.media.pipeline.MediaService;
import org.ova.media.pipeline.Progress;
import org.ova.repo.BuildReport;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.config.ServerOptions;
import org.ova.server.edit.VideoEditor;
import org.ova.server.upload.VideoIntake;
import org.ova.site.LiveSite;

/**
 * The background processing of {@code ova serve} on a real server and real ffmpeg: jobs queued at start,
 * their workflow lines, failures and retries, re-made VTTs, the site and the open pages kept current.
 */
class ProcessingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path library;

    /** A served library with its processing service, both stopped by {@link #close}. */
    private record Served(Library loaded, OvaServer server, ProcessingService processing, Http http)
            implements AutoCloseable {

        String id(String path) {
            return loaded.videos().stream()
                    .filter(video -> video.path().equals(path))
                    .map(LibraryVideo::id)
                    .findFirst()
                    .orElseThrow();
        }

        @Override
        public void close() {
            processing.close();
            server.close();
        }
    }

    /** Serves the library as {@code ova serve} wires it, with {@code server.batchVtt} as given. */
    private Served serve(boolean batchVtt) {
        Library loaded = ServedLibrary.load(library);
        LiveLibrary live = new LiveLibrary(loaded);
        LiveSite site = LiveSiteRefresh.siteOf(loaded);
        VideoEditor editor = LiveSiteRefresh.editorOf(live, site);
        SiteEvents events = new SiteEvents();
        // the ffmpeg 'ova build' found: its encoders decide whether what the build made is up to date
        MediaService media = MediaService.open(
                loaded.layout(),
                loaded.config(),
                Set.of(),
                Optional.empty(),
                () -> FfmpegLocator.forLibrary(loaded.layout(), loaded.config().ffmpeg()),
                Progress.SILENT,
                new BuildReport());
        ProcessingService processing = ServedProcessing.start(media, editor, site, events);
        ServerOptions options = new ServerOptions("127.0.0.1", 0, "", false, 1, false, 100, batchVtt, true);
        OvaServer server = OvaServer.start(
                new ServerSettings(options, Optional.empty(), "test"),
                live,
                Optional.empty(),
                editor,
                events,
                Optional.of(processing),
                VideoIntake.NONE);
        return new Served(loaded, server, processing, new Http(server.port()));
    }

    private void clip(String path, double seconds) throws IOException {
        TestClips.withLocatedFfmpeg().clip(library.resolve(path), TestClips.Spec.of(seconds, 64, 36));
    }

    private static JsonNode jobs(Http http) throws Exception {
        HttpResponse<byte[]> response = http.get("/api/jobs");
        assertEquals(200, response.statusCode());
        return JSON.readTree(response.body());
    }

    /** The last job of the video once it finished (done or failed), after {@code after} jobs. */
    private static JsonNode finished(Http http, String videoId, long after) throws Exception {
        for (int i = 0; i < 1200; i++) {
            JsonNode last = null;
            for (JsonNode job : jobs(http).get("jobs")) {
                if (job.get("videoId").asText().equals(videoId) && job.get("id").asLong() > after) {
                    last = job;
                }
            }
            if (last != null
                    && Set.of("done", "failed").contains(last.get("state").asText())) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no finished job for " + videoId + ": " + jobs(http));
    }

    private static List<String> lines(JsonNode job) {
        List<String> lines = new ArrayList<>();
        job.get("lines").forEach(line -> lines.add(line.asText()));
        return lines;
    }

    private static HttpResponse<String> post(Http http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(http.uri(path))
                .header("X-Requested-With", "ova")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Path page(String id) {
        return library.resolve(".ova-repo/site/video/" + id + ".html");
    }

    @Test
    void aClipNotProcessedYetIsProcessedInTheBackgroundWithTheWorkflowLinesAndItsPageShowsItsMedia() throws Exception {
        clip("a.mp4", 1);
        ServedLibrary.build(library);
        clip("b.mp4", 1.5);
        try (Served served = serve(true);
                EventStream events = EventStream.open(served.http().uri("/api/events"))) {
            String b = served.id("b.mp4");
            assertFalse(Files.exists(library.resolve(".ova-repo/media/" + b)), "not processed before");

            served.processing().queuePending();
            JsonNode job = finished(served.http(), b, 0);

            assertEquals("done", job.get("state").asText(), job.toString());
            assertEquals("process", job.get("kind").asText());
            assertEquals("b.mp4", job.get("path").asText());
            assertEquals("B", job.get("title").asText());
            assertTrue(job.get("failure").isNull(), job.toString());
            assertFalse(job.get("started").isNull() || job.get("finished").isNull(), job.toString());
            assertEquals(
                    List.of(
                            "--- Processing video: b.mp4 ---",
                            "[INFO] Running video processor service...",
                            "[INFO] VTTs generated for video 'b.mp4'.",
                            "[INFO] Thumbnail generated for 'b.mp4'.",
                            "[INFO] Preview generated for 'b.mp4'.",
                            "[INFO] Video processor service finished.",
                            "[INFO] Video data added to database.",
                            "[SUCCESS] Video 'b.mp4' successfully added to storage."),
                    lines(job));
            assertEquals(1, jobs(served.http()).get("jobs").size(), "a.mp4 was up to date: " + jobs(served.http()));
            String html = Files.readString(page(b));
            assertTrue(html.contains("media/" + b + "/thumbnail/"), html);
            assertTrue(html.contains("sprites"), html);
            assertTrue(Files.isRegularFile(library.resolve(".ova-repo/media/" + b + "/sprites/sprites.vtt")));
            assertNotNull(events.next("reload", Duration.ofSeconds(10)), "open pages were told to reload");
            assertEquals(
                    "true",
                    JSON.readTree(served.http().get("/api/status").body())
                            .get("features")
                            .get("processing")
                            .asText());
        }
    }

    @Test
    void aBrokenClipFailsWithTheWorkflowLinesAndARetryQueuesItAgain() throws Exception {
        clip("good.mp4", 1);
        ServedLibrary.build(library);
        byte[] garbage = new byte[20_000];
        new Random(7).nextBytes(garbage);
        Files.write(library.resolve("broken.mp4"), garbage);
        try (Served served = serve(true)) {
            String broken = served.id("broken.mp4");
            served.processing().queuePending();
            JsonNode failed = finished(served.http(), broken, 0);

            assertEquals("failed", failed.get("state").asText(), failed.toString());
            assertTrue(
                    failed.get("failure").asText().startsWith("probe: not a video ffprobe can read"),
                    failed.toString());
            List<String> workflow = List.of(
                    "--- Processing video: broken.mp4 ---",
                    "[INFO] Running video processor service...",
                    "[ERROR] Failed to probe 'broken.mp4'.",
                    "[INFO] Cancelling video processor service...",
                    "[INFO] Video processor service finished.",
                    "[INFO] Video data added to database.",
                    "[SUCCESS] Video 'broken.mp4' added to the library with a placeholder; it is retried on the next"
                            + " build.");
            assertEquals(workflow, lines(failed));

            HttpResponse<String> retry = post(served.http(), "/api/jobs/" + broken + "/retry");
            assertEquals(202, retry.statusCode(), retry.body());
            JsonNode queued = JSON.readTree(retry.body());
            assertNotEquals(failed.get("id").asLong(), queued.get("id").asLong());
            assertEquals(broken, queued.get("videoId").asText());
            JsonNode again = finished(served.http(), broken, failed.get("id").asLong());
            assertEquals("failed", again.get("state").asText());
            assertEquals(workflow, lines(again));

            String good = served.id("good.mp4");
            HttpResponse<String> notFailed = post(served.http(), "/api/jobs/" + good + "/retry");
            assertEquals(409, notFailed.statusCode(), notFailed.body());
            assertTrue(JSON.readTree(notFailed.body()).has("detail"), notFailed.body());
            assertEquals(404, post(served.http(), "/api/jobs/nope/retry").statusCode());
            HttpResponse<String> unguarded = served.http()
                    .send(HttpRequest.newBuilder(served.http().uri("/api/jobs/" + broken + "/retry"))
                            .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(403, unguarded.statusCode(), "writes need X-Requested-With: ova");
        }
    }

    @Test
    void remakingVttsMakesTheSpriteFilesAgainAndRendersTheVideoPageAgain() throws Exception {
        clip("a.mp4", 1);
        ServedLibrary.build(library);
        clip("b.mp4", 1.5);
        try (Served served = serve(true)) {
            String a = served.id("a.mp4");
            served.processing().queuePending();
            finished(served.http(), served.id("b.mp4"), 0); // the site was rendered once: later renders compare
            Path vtt = library.resolve(".ova-repo/media/" + a + "/sprites/sprites.vtt");
            FileTime made = FileTime.fromMillis(Files.getLastModifiedTime(vtt).toMillis() - 60_000);
            Files.setLastModifiedTime(vtt, made);
            String rendered = Files.readString(page(a));
            Files.writeString(page(a), "stale");

            HttpResponse<String> remake = post(served.http(), "/api/videos/" + a + "/vtt");
            assertEquals(202, remake.statusCode(), remake.body());
            assertEquals("vtt", JSON.readTree(remake.body()).get("kind").asText());
            JsonNode job = finished(served.http(), a, 0);

            assertEquals("done", job.get("state").asText(), job.toString());
            assertEquals(
                    List.of(
                            "--- Processing video: a.mp4 ---",
                            "[INFO] Running video processor service...",
                            "[INFO] VTTs generated for video 'a.mp4'.",
                            "[INFO] Video processor service finished.",
                            "[INFO] Video data added to database.",
                            "[SUCCESS] Video 'a.mp4' successfully added to storage."),
                    lines(job));
            assertTrue(Files.getLastModifiedTime(vtt).compareTo(made) > 0, "the sprites were made again");
            assertEquals(rendered, Files.readString(page(a)), "the page was rendered again");
        }
    }

    @Test
    void remakingVttsIsRefusedWith403JsonWhileBatchVttIsOff() throws Exception {
        clip("a.mp4", 1);
        ServedLibrary.build(library);
        try (Served served = serve(false)) {
            HttpResponse<String> refused = post(served.http(), "/api/videos/" + served.id("a.mp4") + "/vtt");
            assertEquals(403, refused.statusCode());
            JsonNode body = JSON.readTree(refused.body());
            assertEquals(
                    "Re-making VTTs is turned off on this server",
                    body.get("error").asText());
            assertTrue(body.get("detail").asText().contains("server.batchVtt"), refused.body());
            assertEquals(0, jobs(served.http()).get("jobs").size());
        }
    }
}
