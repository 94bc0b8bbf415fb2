package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.repo.metadata.Chapter;
import org.ova.server.upload.UploadForm;

/**
 * The upload workflow on a real {@code ova serve} with real ffmpeg, as the Upload page drives it: upload
 * with tags (a draft, processed in the background) → VTTs made → chapters saved → published and on the
 * site; a cancelled upload leaves nothing behind; the toggles refuse what they turn off.
 */
class ServeUploadWorkflowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path library;

    @TempDir
    Path elsewhere;

    private byte[] clip(String name, TestClips.Spec spec) throws Exception {
        Path file = elsewhere.resolve(name);
        TestClips.withLocatedFfmpeg().clip(file, spec);
        return Files.readAllBytes(file);
    }

    private static JsonNode upload(ServeFixture served, String name, byte[] bytes, String folder, String tags)
            throws Exception {
        HttpResponse<String> answer = served.send(
                UploadForm.post(served.write("/api/uploads"), UploadForm.body(name, bytes, folder, "", tags)));
        assertEquals(201, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    /** The upload's state once its latest job has ended (done or failed). */
    private static JsonNode settled(ServeFixture served, String id) throws Exception {
        JsonNode upload = null;
        for (int i = 0; i < 600; i++) {
            upload = JSON.readTree(served.get("/api/uploads/" + id).body());
            String state = upload.path("job").path("state").asText("");
            if (state.equals("done") || state.equals("failed")) {
                return upload;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("its job did not end: " + upload + "\n" + served.console());
    }

    @Test
    void anUploadedClipGetsVttsAndChaptersIsReviewedAndPublishedOntoTheSite() throws Exception {
        TestClips.withLocatedFfmpeg().clip(library.resolve("old.mp4"), TestClips.Spec.of(1, 64, 36));
        byte[] bytes = clip(
                "Beach day.mp4",
                TestClips.Spec.of(3, 64, 36)
                        .withChapters(List.of(new Chapter(0, "Arrival"), new Chapter(1.5, "Swim"))));
        try (ServeFixture served = ServeFixture.start(library)) {
            JsonNode uploaded = upload(served, "Beach day.mp4", bytes, "Trips/2026", "beach, summer");
            String id = uploaded.get("id").asText();
            assertEquals("Trips/2026/Beach day.mp4", uploaded.get("path").asText());
            assertTrue(uploaded.get("draft").asBoolean());
            Path index = library.resolve(".ova-repo/site/index.html");

            JsonNode processed = settled(served, id);
            assertEquals("done", processed.at("/job/state").asText(), processed.toString());
            assertEquals(3.0, processed.get("duration").asDouble(), 0.2);
            assertEquals("/Trips/2026/Beach%20day.mp4", processed.get("src").asText());
            assertFalse(processed.get("poster").isNull(), processed.toString());
            assertEquals("Swim", processed.at("/containerChapters/1/title").asText(), processed.toString());
            assertEquals(200, served.get(processed.get("poster").asText()).statusCode(), "the thumbnail is served");
            assertFalse(Files.readString(index).contains("Beach day"), "a draft stays off the site");
            assertEquals(
                    1,
                    JSON.readTree(served.get("/api/uploads").body())
                            .get("drafts")
                            .size());

            HttpResponse<String> vtt =
                    served.send(served.write("/api/uploads/" + id + "/vtt").POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(202, vtt.statusCode(), vtt.body());
            assertEquals("vtt", JSON.readTree(vtt.body()).get("kind").asText());
            JsonNode withVtts = settled(served, id);
            assertEquals("done", withVtts.at("/job/state").asText(), withVtts.toString());
            String sprites = served.get(withVtts.get("thumbnailsVtt").asText()).body();
            assertTrue(sprites.startsWith("WEBVTT"), sprites);

            HttpResponse<String> bad = served.send(served.write("/api/uploads/" + id + "/chapters")
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"chapters\":[{\"at\":99,\"title\":\"Past the end\"}]}")));
            assertEquals(400, bad.statusCode(), bad.body());
            HttpResponse<String> chapters = served.send(
                    served.write("/api/uploads/" + id + "/chapters")
                            .PUT(
                                    HttpRequest.BodyPublishers.ofString(
                                            "{\"chapters\":[{\"at\":0,\"title\":\"On the sand\"},{\"at\":\"0:02\",\"title\":\"In the sea\"}]}")));
            assertEquals(200, chapters.statusCode(), chapters.body());
            assertEquals(
                    "In the sea",
                    JSON.readTree(chapters.body()).at("/chapters/1/title").asText());
            assertEquals(
                    2.0, JSON.readTree(chapters.body()).at("/chapters/1/at").asDouble());

            HttpResponse<String> published = served.send(
                    served.write("/api/uploads/" + id + "/publish").POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, published.statusCode(), published.body());
            JsonNode video = JSON.readTree(published.body());
            assertFalse(video.get("draft").asBoolean());
            HttpResponse<String> page = served.get(video.get("page").asText());
            assertEquals(200, page.statusCode(), video.toString());
            assertTrue(page.body().contains("In the sea"), "the page carries the saved chapters");
            assertTrue(page.body().contains(">beach<"), "and the tags given at upload");
            assertTrue(Files.readString(index).contains("Beach day"), "the published video is on the library page");
            assertEquals(
                    0,
                    JSON.readTree(served.get("/api/uploads").body())
                            .get("drafts")
                            .size());
            String metadata = Files.readString(library.resolve(".ova-repo/metadata/Trips/2026/Beach day.mp4.yaml"));
            assertFalse(metadata.contains("\ndraft:"), "no longer a draft: " + metadata);
        }
    }

    @Test
    void aCancelledUploadLeavesNoFileMetadataMediaOrStagingBehind() throws Exception {
        TestClips.withLocatedFfmpeg().clip(library.resolve("old.mp4"), TestClips.Spec.of(1, 64, 36));
        byte[] bytes = clip("oops.mp4", TestClips.Spec.of(2, 64, 36));
        try (ServeFixture served = ServeFixture.start(library)) {
            String id = upload(served, "oops.mp4", bytes, "", "").get("id").asText();
            settled(served, id);
            assertTrue(mediaOf(id).findAny().isPresent(), "processing made its media");

            HttpResponse<String> cancelled =
                    served.send(served.write("/api/uploads/" + id).DELETE());
            assertEquals(204, cancelled.statusCode(), cancelled.body());
            assertFalse(Files.exists(library.resolve("oops.mp4")));
            assertFalse(Files.exists(library.resolve(".ova-repo/metadata/oops.mp4.yaml")));
            assertEquals(List.of(), mediaOf(id).toList(), "its media is deleted");
            assertEquals(404, served.get("/api/uploads/" + id).statusCode());
            try (Stream<Path> staging = Files.list(library.resolve(".ova-repo/uploads"))) {
                assertEquals(List.of(), staging.toList());
            }
            String old = JSON.readTree(served.get("/api/uploads").body()).toString();
            assertEquals("{\"drafts\":[]}", old);
            HttpResponse<String> unknown =
                    served.send(served.write("/api/uploads/nope").DELETE());
            assertEquals(404, unknown.statusCode());

            HttpResponse<String> copy = served.send(UploadForm.post(
                    served.write("/api/uploads"),
                    UploadForm.body("again.mp4", Files.readAllBytes(library.resolve("old.mp4")), "", "", "")));
            assertEquals(409, copy.statusCode(), copy.body());
            assertTrue(copy.body().contains("same content as 'old.mp4'"), copy.body());
            assertFalse(Files.exists(library.resolve("again.mp4")), "a copy of a video the library has is not kept");
            assertFalse(Files.exists(library.resolve(".ova-repo/metadata/again.mp4.yaml")));
        }
        assertTrue(Files.exists(library.resolve("old.mp4")), "nothing else was touched");
    }

    @Test
    void randomBytesUploadedAsAVideoFailWithTheWorkflowLinesAndTheDraftShowsWhy() throws Exception {
        TestClips.withLocatedFfmpeg().clip(library.resolve("old.mp4"), TestClips.Spec.of(1, 64, 36));
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        try (ServeFixture served = ServeFixture.start(library)) {
            String id = upload(served, "noise.mp4", noise, "", "").get("id").asText();
            JsonNode failed = settled(served, id);
            assertEquals("failed", failed.at("/job/state").asText(), failed.toString());
            assertFalse(failed.get("failure").isNull(), "the draft says why: " + failed);
            List<String> lines = new ArrayList<>();
            failed.at("/job/lines").forEach(line -> lines.add(line.asText()));
            assertEquals("--- Processing video: noise.mp4 ---", lines.get(0), lines.toString());
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("[ERROR]")), lines.toString());
            assertEquals(
                    "noise.mp4",
                    JSON.readTree(served.get("/api/uploads").body())
                            .at("/drafts/0/path")
                            .asText(),
                    "it stays a draft, to retry or cancel");
        }
        assertTrue(Files.exists(library.resolve("noise.mp4")), "nothing was deleted by the failure");
    }

    @Test
    void withUploadsAndBatchVttOffTheApiAnswers403AndTheStatusSaysSo() throws Exception {
        TestClips.withLocatedFfmpeg().clip(library.resolve("old.mp4"), TestClips.Spec.of(1, 64, 36));
        Files.createDirectories(library.resolve(".ova-repo/metadata"));
        Files.writeString(library.resolve(".ova-repo/config.yaml"), "server:\n  uploads: false\n  batchVtt: false\n");
        Files.writeString(library.resolve(".ova-repo/metadata/old.mp4.yaml"), "title: Old\ndraft: true\n");
        try (ServeFixture served = ServeFixture.start(library, "--no-process")) {
            JsonNode features = JSON.readTree(served.get("/api/status").body()).get("features");
            assertFalse(features.get("upload").asBoolean());
            assertFalse(features.get("batchVtt").asBoolean());
            HttpResponse<String> upload = served.send(UploadForm.post(
                    served.write("/api/uploads"), UploadForm.body("a.mp4", new byte[] {1, 2, 3}, "", "", "")));
            assertEquals(403, upload.statusCode(), upload.body());
            assertTrue(upload.body().contains("server.uploads"), upload.body());
            JsonNode drafts = JSON.readTree(served.get("/api/uploads").body()).get("drafts");
            assertEquals("old.mp4", drafts.at("/0/path").asText(), "a draft marked by hand is listed too");
            HttpResponse<String> vtt = served.send(
                    served.write("/api/uploads/" + drafts.at("/0/id").asText() + "/vtt")
                            .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(403, vtt.statusCode(), vtt.body());
            assertTrue(vtt.body().contains("server.batchVtt"), vtt.body());
        }
        try (Stream<Path> files = Files.list(library)) {
            assertEquals(
                    List.of(library.resolve("old.mp4")),
                    files.filter(f -> !f.getFileName().toString().startsWith("."))
                            .toList());
        }
    }

    /** The files processing made for video {@code id}. */
    private Stream<Path> mediaOf(String id) throws Exception {
        Path media = library.resolve(".ova-repo/media").resolve(id);
        if (!Files.isDirectory(media)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(media)) {
            return files.filter(Files::isRegularFile).toList().stream();
        }
    }
}
