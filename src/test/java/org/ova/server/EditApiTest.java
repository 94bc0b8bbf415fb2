package org.ova.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;

/**
 * The edit API on a real server over a built library: what a PATCH changes is in the YAML file (the
 * person's comments and unknown keys kept) and in the re-rendered pages by the time the 200 arrives.
 */
class EditApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEACH_YAML = """
            # shot on the old camera
            title: Beach day   # keep this comment

            tags: ['summer']
            """;

    @TempDir
    static Path library;

    private static Library loaded;
    private static OvaServer server;
    private static Http http;

    @BeforeAll
    static void serveABuiltLibrary() throws IOException {
        TestClips clips = TestClips.withLocatedFfmpeg();
        List<String> names = List.of("beach.mp4", "city.mp4", "crowd.mp4");
        for (int i = 0; i < names.size(); i++) {
            clips.clip(library.resolve(names.get(i)), TestClips.Spec.of(1, 64 + 16 * i, 36 + 8 * i));
        }
        Path beach = new LibraryLayout(library).metadataFile("beach.mp4");
        Files.createDirectories(beach.getParent());
        Files.writeString(beach, BEACH_YAML);
        ServedLibrary.build(library);
        loaded = ServedLibrary.load(library);
        server = ServedLibrary.start(loaded, ServedLibrary.options("127.0.0.1", true, 1), Optional.empty());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String id(String path) {
        return loaded.videos().stream()
                .filter(v -> v.path().equals(path))
                .map(LibraryVideo::id)
                .findFirst()
                .orElseThrow();
    }

    private static String yaml(String path) throws IOException {
        return Files.readString(new LibraryLayout(library).metadataFile(path));
    }

    private static HttpRequest.Builder patch(Http client, String path, String body) {
        return HttpRequest.newBuilder(client.uri(path))
                .header("X-Requested-With", "ova")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> read(String videoPath) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(http.uri("/api/videos/" + id(videoPath))));
    }

    private static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void getAnswersTheEditableStateWithItsVersionInTheEtag() throws Exception {
        HttpResponse<String> response = read("beach.mp4");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "application/json; charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode video = JSON.readTree(response.body());
        assertEquals(id("beach.mp4"), video.get("id").asText());
        assertEquals(etag(response), video.get("etag").asText());
        assertTrue(etag(response).matches("\"[0-9a-f]{32}\""), etag(response));
        assertEquals(1.0, video.get("duration").asDouble(), 0.1);
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(http.uri("/api/videos/nope")));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().startsWith("{\"error\":\"No video has the id nope\""), unknown.body());
    }

    @Test
    void aPatchIsWrittenIntoTheYamlKeepingCommentsBlankLinesAndQuotingAndThePageShowsItAtOnce() throws Exception {
        HttpResponse<String> before = read("beach.mp4");
        HttpResponse<String> saved = http.send(patch(
                        http,
                        "/api/videos/" + id("beach.mp4"),
                        "{\"title\": \"Beach at dawn\", \"rating\": 4, \"markers\": [{\"at\": 0.5, \"label\": \"Wave\"}]}")
                .header("If-Match", etag(before)));
        assertEquals(200, saved.statusCode(), saved.body());
        JsonNode video = JSON.readTree(saved.body());
        assertEquals("Beach at dawn", video.get("title").asText());
        assertEquals(etag(saved), video.get("etag").asText());
        assertFalse(etag(saved).equals(etag(before)));
        assertEquals(
                "# shot on the old camera\ntitle: Beach at dawn   # keep this comment\n\ntags: ['summer']\nrating: 4\n"
                        + "markers:\n  - at: 0:00.500\n    label: Wave\n",
                yaml("beach.mp4"));
        assertEquals(etag(saved), etag(read("beach.mp4")), "the file's version is the one answered");
        String page = Files.readString(library.resolve(".ova-repo/site/video/" + id("beach.mp4") + ".html"));
        assertTrue(page.contains("Beach at dawn"), "re-rendered before the answer");
    }

    @Test
    void aStaleIfMatchIs409WithTheCurrentStateAndChangesNothing() throws Exception {
        HttpResponse<String> first = read("beach.mp4");
        String path = "/api/videos/" + id("beach.mp4");
        HttpResponse<String> applied =
                http.send(patch(http, path, "{\"rating\": 2}").header("If-Match", etag(first)));
        assertEquals(200, applied.statusCode(), applied.body());
        String afterFirst = yaml("beach.mp4");
        HttpResponse<String> stale =
                http.send(patch(http, path, "{\"rating\": 5}").header("If-Match", etag(first)));
        assertEquals(409, stale.statusCode(), stale.body());
        JsonNode body = JSON.readTree(stale.body());
        assertTrue(body.get("error").asText().contains("changed since it was read"), stale.body());
        assertEquals(2, body.get("current").get("rating").asInt());
        assertEquals(etag(applied), body.get("current").get("etag").asText());
        assertEquals(etag(applied), etag(stale));
        assertEquals(afterFirst, yaml("beach.mp4"));
    }

    @Test
    void aPatchWithoutIfMatchIs428AndChangesNothing() throws Exception {
        String before = yaml("beach.mp4");
        HttpResponse<String> response = http.send(patch(http, "/api/videos/" + id("beach.mp4"), "{\"rating\": 1}"));
        assertEquals(428, response.statusCode(), response.body());
        assertTrue(response.body().contains("If-Match"), response.body());
        assertEquals(before, yaml("beach.mp4"));
    }

    @Test
    void problemsAre400WithEveryFieldAndMalformedJsonNamesLineAndColumn() throws Exception {
        String path = "/api/videos/" + id("beach.mp4");
        HttpResponse<String> invalid = http.send(patch(http, path, "{\"rating\": 9, \"chapters\": [{\"at\": -1}]}")
                .header("If-Match", "*"));
        assertEquals(400, invalid.statusCode(), invalid.body());
        List<String> fields = new ArrayList<>();
        JSON.readTree(invalid.body())
                .get("problems")
                .forEach(p -> fields.add(p.get("field").asText()));
        assertEquals(List.of("rating", "chapters[0].at"), fields, invalid.body());
        HttpResponse<String> malformed =
                http.send(patch(http, path, "{\n  \"rating\": 3,\n  \"tags\": [\"a\" \"b\"]\n}")
                        .header("If-Match", "*"));
        assertEquals(400, malformed.statusCode(), malformed.body());
        String message = JSON.readTree(malformed.body())
                .get("problems")
                .get(0)
                .get("message")
                .asText();
        assertTrue(message.startsWith("not valid JSON at line 3, column 16: "), message);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String description = "x".repeat((int) OvaServer.MAX_BODY_BYTES);
        HttpResponse<String> response =
                http.send(patch(http, "/api/videos/" + id("beach.mp4"), "{\"description\": \"" + description + "\"}")
                        .header("If-Match", "*"));
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"error\":\"Edit refused: the body is larger than"), response.body());
    }

    @Test
    void twentyConcurrentEditorsOverHttpEachGet200Or409AndNoChangeIsLost() throws Exception {
        String path = "/api/videos/" + id("city.mp4");
        int editors = 20;
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String tag = "editor" + i;
            done.add(pool.submit(() -> {
                start.await();
                HttpResponse<String> read = read("city.mp4");
                JsonNode seen = JSON.readTree(read.body());
                String version = etag(read);
                while (true) {
                    List<String> tags = new ArrayList<>();
                    seen.get("tags").forEach(t -> tags.add(t.asText()));
                    tags.add(tag);
                    HttpResponse<String> answer =
                            http.send(patch(http, path, JSON.writeValueAsString(java.util.Map.of("tags", tags)))
                                    .header("If-Match", version));
                    if (answer.statusCode() == 200) {
                        return null;
                    }
                    assertEquals(409, answer.statusCode(), answer.body());
                    conflicts.incrementAndGet();
                    seen = JSON.readTree(answer.body()).get("current");
                    version = etag(answer);
                }
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        String text = yaml("city.mp4");
        for (int i = 0; i < editors; i++) {
            assertTrue(text.contains("editor" + i + ",") || text.contains("editor" + i + "]"), text);
        }
        assertTrue(conflicts.get() > 0, "the editors did race");
    }

    @Test
    void aBulkEditTagsEveryChosenVideoAndAnUnknownIdChangesNothing() throws Exception {
        String ids = "[\"" + id("crowd.mp4") + "\", \"" + id("city.mp4") + "\"]";
        HttpResponse<String> bulk =
                http.send(patch(http, "/api/videos", "{\"ids\": " + ids + ", \"addTags\": [\"Street life\"]}"));
        assertEquals(200, bulk.statusCode(), bulk.body());
        JsonNode body = JSON.readTree(bulk.body());
        assertEquals(2, body.get("videos").size(), bulk.body());
        assertEquals(0, body.get("problems").size(), bulk.body());
        assertTrue(yaml("crowd.mp4").contains("Street life"), yaml("crowd.mp4"));
        assertTrue(yaml("city.mp4").contains("Street life"), yaml("city.mp4"));
        assertTrue(Files.readString(library.resolve(".ova-repo/site/tag/street-life.html"))
                .contains(id("crowd.mp4")));

        String before = yaml("crowd.mp4");
        HttpResponse<String> unknown = http.send(patch(
                http, "/api/videos", "{\"ids\": [\"" + id("crowd.mp4") + "\", \"gone\"], \"removeTags\": [\"x\"]}"));
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"field\":\"ids[1]\""), unknown.body());
        assertEquals(before, yaml("crowd.mp4"));
    }

    @Test
    void aWriteWithoutTheOvaHeaderIs403() throws Exception {
        String before = yaml("beach.mp4");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/api/videos/" + id("beach.mp4")))
                .header("If-Match", "*")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"rating\": 1}")));
        assertEquals(403, response.statusCode(), response.body());
        assertEquals(before, yaml("beach.mp4"));
    }

    @Test
    void onANetworkAddressAnEditNeedsTheToken() throws Exception {
        try (OvaServer open =
                ServedLibrary.start(loaded, ServedLibrary.options("0.0.0.0", true, 1), Optional.of("s3cret-token"))) {
            Http client = new Http(open.port());
            String path = "/api/videos/" + id("crowd.mp4");
            HttpResponse<String> refused =
                    client.send(patch(client, path, "{\"rating\": 3}").header("If-Match", "*"));
            assertEquals(403, refused.statusCode(), refused.body());
            assertFalse(yaml("crowd.mp4").contains("rating: 3"), yaml("crowd.mp4"));
            HttpResponse<String> allowed = client.send(patch(client, path, "{\"rating\": 3}")
                    .header("If-Match", "*")
                    .header("X-Ova-Token", "s3cret-token"));
            assertEquals(200, allowed.statusCode(), allowed.body());
            assertTrue(yaml("crowd.mp4").contains("rating: 3"), yaml("crowd.mp4"));
        }
    }
}
