package org.ova.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.cli.Logging;
import org.ova.cli.Verbosity;
import org.ova.media.TestClips;
import org.ova.repo.Library;

/** {@link OvaServer} serving a real built library on a loopback port, asked with java.net.http and raw sockets. */
class OvaServerTest {

    private static final String VIDEO = "/trips/beach%20day.mp4";
    private static final String SECRET = "secret-text-outside";

    @TempDir
    static Path library;

    @TempDir
    static Path outside;

    private static Library loaded;
    private static OvaServer server;
    private static Http http;
    private static byte[] videoBytes;

    @BeforeAll
    static void serveABuiltLibrary() throws IOException {
        Path video = library.resolve("trips/beach day.mp4");
        Files.createDirectories(video.getParent());
        TestClips.withLocatedFfmpeg().clip(video, TestClips.Spec.of(1, 64, 36));
        videoBytes = Files.readAllBytes(video);
        Files.writeString(library.resolve("notes.txt"), SECRET);
        ServedLibrary.build(library);
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(library.resolve(".ova-repo/site/evil"), outside);
        Files.createSymbolicLink(library.resolve(".ova-repo/media/evil.txt"), outside.resolve("secret.txt"));
        Logging.configure(Verbosity.QUIET, false, Optional.of(library.resolve(".ova-repo/logs/ova.log")));
        loaded = ServedLibrary.load(library);
        server = ServedLibrary.start(loaded, ServedLibrary.options("127.0.0.1", true, 2), Optional.empty());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        Logging.configure(Verbosity.QUIET, false, Optional.empty());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void rootRedirectsToTheSiteIndexWhichIsServed() throws Exception {
        HttpResponse<byte[]> root = http.get("/");
        assertEquals(302, root.statusCode());
        assertEquals("/.ova-repo/site/index.html", header(root, "Location"));
        HttpResponse<byte[]> index = http.get("/.ova-repo/site/index.html");
        assertEquals(200, index.statusCode());
        assertEquals("text/html; charset=utf-8", header(index, "Content-Type"));
        assertTrue(text(index).contains("assets/server.js"), text(index));
        // pages change while serving: browsers must ask again rather than guess they are fresh
        assertEquals("no-cache", header(index, "Cache-Control"));
    }

    @Test
    void serverScriptAnswersLiveWhileTheBuiltOneSaysNoServer() throws Exception {
        assertTrue(Files.readString(library.resolve(".ova-repo/site/assets/server.js"))
                .contains("window.OVA_SERVER = null;"));
        HttpResponse<byte[]> script = http.get("/.ova-repo/site/assets/server.js");
        assertEquals(200, script.statusCode());
        assertTrue(text(script).startsWith("window.OVA_SERVER = {\"version\":\"test\""), text(script));
        assertTrue(text(script).contains("\"trim\":true"), text(script));
    }

    @Test
    void statusTellsVersionTitleFeaturesWhetherWritesNeedATokenAndTheProblems() throws Exception {
        HttpResponse<byte[]> status = http.get("/api/status");
        assertEquals(200, status.statusCode());
        assertEquals("application/json", header(status, "Content-Type"));
        assertEquals(
                "{\"version\":\"test\",\"title\":\"My videos\",\"features\":{\"trim\":true,\"edit\":true,"
                        + "\"upload\":false,\"maxUploadMb\":100,\"extensions\":[\"3gp\",\"avi\",\"flv\",\"m2ts\","
                        + "\"m4v\",\"mkv\",\"mov\",\"mp4\",\"mpeg\",\"mpg\",\"ogv\",\"ts\",\"webm\",\"wmv\"],"
                        + "\"vttButton\":true,\"batchVtt\":true,\"processing\":false},\"writesNeedToken\":false,"
                        + "\"problems\":[]}",
                text(status));
    }

    private static void assertRange(String range, int first, int last) throws Exception {
        HttpResponse<byte[]> response = http.get(VIDEO, "Range", range);
        assertEquals(206, response.statusCode(), range);
        assertEquals("bytes " + first + "-" + last + "/" + videoBytes.length, header(response, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(videoBytes, first, last + 1), response.body(), range);
    }

    @Test
    void videosAnswerSingleSuffixAndOpenEndedRanges() throws Exception {
        int n = videoBytes.length;
        assertRange("bytes=0-0", 0, 0);
        assertRange("bytes=100-199", 100, 199);
        assertRange("bytes=" + (n - 1) + "-" + (n - 1), n - 1, n - 1);
        assertRange("bytes=-10", n - 10, n - 1);
        assertRange("bytes=10-", 10, n - 1);
        HttpResponse<byte[]> whole = http.get(VIDEO);
        assertEquals(200, whole.statusCode());
        assertEquals("bytes", header(whole, "Accept-Ranges"));
        assertEquals("video/mp4", header(whole, "Content-Type"));
        assertArrayEquals(videoBytes, whole.body());
    }

    @Test
    void rangesOfSeveralMegabytesArriveWholeAndExact() throws Exception {
        byte[] big = new byte[6 * 1024 * 1024 + 7];
        new Random(11).nextBytes(big);
        Files.write(library.resolve(".ova-repo/media/big.bin"), big);
        for (int[] range :
                new int[][] {{1000, 5_000_999}, {0, big.length - 1}, {big.length - 3_000_000, big.length - 1}}) {
            HttpResponse<byte[]> response =
                    http.get("/.ova-repo/media/big.bin", "Range", "bytes=" + range[0] + "-" + range[1]);
            assertEquals(206, response.statusCode());
            assertArrayEquals(Arrays.copyOfRange(big, range[0], range[1] + 1), response.body(), Arrays.toString(range));
        }
        assertArrayEquals(big, http.get("/.ova-repo/media/big.bin").body(), "the whole file");
    }

    @Test
    void malformedRangesGetTheWholeFileAndUnsatisfiableOnes416AsJson() throws Exception {
        HttpResponse<byte[]> malformed = http.get(VIDEO, "Range", "bytes=abc");
        assertEquals(200, malformed.statusCode());
        assertArrayEquals(videoBytes, malformed.body());
        HttpResponse<byte[]> past = http.get(VIDEO, "Range", "bytes=" + videoBytes.length + "-");
        assertEquals(416, past.statusCode());
        assertTrue(text(past).startsWith("{\"error\":"), text(past));
    }

    @Test
    void ifRangeWithTheCurrentEtagGetsTheRangeAndWithAStaleOneTheWholeFile() throws Exception {
        String etag = header(http.get(VIDEO), "ETag");
        assertFalse(etag.isEmpty());
        assertEquals(
                206, http.get(VIDEO, "Range", "bytes=0-9", "If-Range", etag).statusCode());
        HttpResponse<byte[]> stale = http.get(VIDEO, "Range", "bytes=0-9", "If-Range", "\"old\"");
        assertEquals(200, stale.statusCode());
        assertEquals(videoBytes.length, stale.body().length);
    }

    @Test
    void conditionalGetsAnswer304() throws Exception {
        HttpResponse<byte[]> first = http.get(VIDEO);
        assertEquals(
                304, http.get(VIDEO, "If-None-Match", header(first, "ETag")).statusCode());
        assertEquals(
                304,
                http.get(VIDEO, "If-Modified-Since", header(first, "Last-Modified"))
                        .statusCode());
    }

    @Test
    void typesAreRightForPagesStylesScriptsImagesAndWebVtt() throws Exception {
        String id = loaded.videos().get(0).id();
        List<String[]> expected = List.of(
                new String[] {"/.ova-repo/site/assets/ova.css", "text/css; charset=utf-8"},
                new String[] {"/.ova-repo/site/assets/ova.js", "text/javascript; charset=utf-8"},
                new String[] {"/.ova-repo/site/assets/placeholder.svg", "image/svg+xml"},
                new String[] {"/.ova-repo/media/" + id + "/thumbnail/thumb.jpg", "image/jpeg"},
                new String[] {"/.ova-repo/media/" + id + "/sprites/sprites.vtt", "text/vtt; charset=utf-8"});
        for (String[] pair : expected) {
            HttpResponse<byte[]> response = http.get(pair[0]);
            assertEquals(200, response.statusCode(), pair[0]);
            assertEquals(pair[1], header(response, "Content-Type"), pair[0]);
        }
    }

    @Test
    void textIsGzippedAndVideoNever() throws Exception {
        assertEquals(
                "gzip",
                header(http.get("/.ova-repo/site/assets/ova.css", "Accept-Encoding", "gzip"), "Content-Encoding"));
        assertEquals("", header(http.get(VIDEO, "Accept-Encoding", "gzip"), "Content-Encoding"));
    }

    @Test
    void onlyTheSiteMediaAndIndexedVideosAreServedAndNeverAListing() throws Exception {
        for (String path : List.of(
                "/notes.txt",
                "/.ova-repo/config.yaml",
                "/.ova-repo/logs/ova.log",
                "/.ova-repo/metadata/trips/beach%20day.mp4.yaml",
                "/.ova-repo/machine/catalog.json",
                "/trips/",
                "/.ova-repo/media/")) {
            HttpResponse<byte[]> response = http.get(path);
            assertTrue(
                    response.statusCode() == 404 || response.statusCode() == 403, path + " " + response.statusCode());
            assertTrue(text(response).startsWith("{\"error\":"), path + ": " + text(response));
            assertEquals("application/json; charset=utf-8", header(response, "Content-Type"), path);
        }
    }

    @Test
    void noRequestReachesAFileOutsideTheServedRoots() throws Exception {
        for (String path : List.of(
                "/../notes.txt",
                "/.ova-repo/site/../../notes.txt",
                "/.ova-repo/site/%2e%2e/%2e%2e/notes.txt",
                "/%2E%2E/notes.txt",
                "/.ova-repo%2fconfig.yaml",
                "/.ova-repo/site/%252e%252e/%252e%252e/notes.txt",
                "/.ova-repo\\config.yaml",
                "/.ova-repo/site/..%5c..%5cnotes.txt",
                "//notes.txt",
                "/C:/notes.txt",
                "/notes.txt%00.mp4",
                "/trips/beach%20day.mp4%00",
                "/.ova-repo/site/./index.html",
                "/.ova-repo/site/evil/secret.txt",
                "/.ova-repo/media/evil.txt",
                "http://127.0.0.1/../notes.txt",
                outside.resolve("secret.txt").toString())) {
            String response = http.raw(path);
            String status = response.substring(9, 12);
            assertTrue(status.startsWith("4"), path + " -> " + response);
            assertFalse(response.contains(SECRET), path + " -> " + response);
        }
    }

    @Test
    void writesWithoutTheOvaHeaderOrFromAnotherOriginAre403Json() throws Exception {
        HttpResponse<String> bare = http.send(
                HttpRequest.newBuilder(http.uri("/api/status")).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, bare.statusCode());
        assertTrue(bare.body().contains("X-Requested-With"), bare.body());
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(http.uri("/api/status"))
                .header("X-Requested-With", "ova")
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, foreign.statusCode());
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(http.uri("/api/status"))
                .header("X-Requested-With", "ova")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, allowed.statusCode(), "past the guard, no POST route: " + allowed.body());
    }

    @Test
    void unknownApiPathsAre404Json() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/nothing");
        assertEquals(404, response.statusCode());
        assertTrue(text(response).matches("\\{\"error\":\".+\",\"detail\":\".*\"}"), text(response));
    }

    @Test
    void onANetworkAddressWritesNeedTheRightToken() throws Exception {
        try (OvaServer open =
                ServedLibrary.start(loaded, ServedLibrary.options("0.0.0.0", true, 1), Optional.of("s3cret-token"))) {
            Http client = new Http(open.port());
            assertTrue(text(client.get("/api/status")).contains("\"writesNeedToken\":true"));
            for (String token : new String[] {null, "wrong", "s3cret-token"}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(client.uri("/api/status"))
                        .header("X-Requested-With", "ova")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"));
                if (token != null) {
                    request.header("X-Ova-Token", token);
                }
                int status = client.send(request).statusCode();
                assertEquals("s3cret-token".equals(token) ? 405 : 403, status, "token " + token);
            }
        }
    }

    @Test
    void everyRequestGetsAnAccessLineAndEveryErrorALineWithItsCause() throws Exception {
        http.get("/notes.txt?x=1");
        Path log = library.resolve(".ova-repo/logs/ova.log");
        String text = "";
        for (int i = 0; i < 40 && !text.contains("GET /notes.txt 404 "); i++) {
            Thread.sleep(25);
            text = Files.readString(log);
        }
        assertTrue(text.matches("(?s).*GET /notes.txt 404 \\d+ B \\d+ ms\n.*"), text);
        assertTrue(text.contains("GET /notes.txt -> 404: Not found: /notes.txt"), text);
    }
}
