package org.ova.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.CommandRunner;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;

/**
 * {@code GET /api/videos/{id}/trim} on a real server with real ffmpeg: both modes checked with ffprobe,
 * validation, the job limit and a client that leaves.
 */
class TrimHandlerTest {

    private static final int MAX_JOBS = 2;

    @TempDir
    static Path library;

    @TempDir
    Path downloads;

    private static Library loaded;
    private static OvaServer server;
    private static Http http;

    @BeforeAll
    static void serve() throws IOException {
        // 25 fps, a keyframe every second
        TestClips.withLocatedFfmpeg()
                .clip(
                        library.resolve("café ☕.mp4"),
                        TestClips.Spec.of(6, 160, 90).keyframeEvery(25));
        bigNoisyClip(library.resolve("noise.mp4"));
        ServedLibrary.build(library);
        loaded = ServedLibrary.load(library);
        server = ServedLibrary.start(loaded, ServedLibrary.options("127.0.0.1", true, MAX_JOBS), Optional.empty());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Tens of MB that no socket buffer holds: a trim of it blocks until its client reads. */
    private static void bigNoisyClip(Path out) {
        CommandRunner.Result result = new CommandRunner(java.time.Duration.ofMinutes(2))
                .run(List.of(
                        TestClips.installation().ffmpeg().toString(),
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=640x360:rate=25,noise=alls=100:allf=t",
                        "-t",
                        "6",
                        "-c:v",
                        "mpeg4",
                        "-q:v",
                        "2",
                        "-g",
                        "25",
                        out.toString()));
        assertEquals(0, result.exitCode(), result.stderr());
    }

    private static String id(String path) {
        return loaded.videos().stream()
                .filter(video -> video.path().equals(path))
                .map(LibraryVideo::id)
                .findFirst()
                .orElseThrow();
    }

    private double trimmedDuration(String query) throws Exception {
        HttpResponse<byte[]> response = http.get("/api/videos/" + id("café ☕.mp4") + "/trim?" + query);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("video/mp4", response.headers().firstValue("Content-Type").orElse(""));
        Path file = downloads.resolve("cut.mp4");
        Files.write(file, response.body());
        return TestClips.videoSeconds(file);
    }

    @Test
    void copyCutsWithinOneKeyframeIntervalOfTheRequest() throws Exception {
        double duration = trimmedDuration("start=2.3&end=4.6&mode=copy");
        assertTrue(Math.abs(duration - 2.3) <= 1.0 + 0.05, "duration " + duration);
    }

    @Test
    void exactCutsWithinOneFrameOfTheRequest() throws Exception {
        double duration = trimmedDuration("start=0:02.3&end=0:04.6&mode=exact");
        assertTrue(Math.abs(duration - 2.3) <= 0.04 + 0.001, "duration " + duration);
    }

    @Test
    void theDownloadIsNamedAfterTheTitleAndTimesForEveryOs() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/videos/" + id("café ☕.mp4") + "/trim?start=1&end=3.9");
        assertEquals(
                "attachment; filename=\"Cafe _ [00m01s-00m03s].mp4\"; "
                        + "filename*=UTF-8''Caf%C3%A9%20%E2%98%95%20%5B00m01s-00m03s%5D.mp4",
                response.headers().firstValue("Content-Disposition").orElse(""));
    }

    @Test
    void badTimesModesAndIdsAreRefusedWithJson() throws Exception {
        String base = "/api/videos/" + id("café ☕.mp4") + "/trim?";
        for (String query :
                List.of("start=1&end=7", "start=3&end=2", "end=2", "start=x&end=2", "start=1&end=2&mode=fast")) {
            HttpResponse<byte[]> response = http.get(base + query);
            assertEquals(400, response.statusCode(), query);
            assertTrue(
                    new String(response.body(), StandardCharsets.UTF_8).startsWith("{\"error\":\"Bad trim: "), query);
        }
        assertEquals(404, http.get("/api/videos/nope/trim?start=1&end=2").statusCode());
    }

    @Test
    void trimsAreForbiddenWhenTheTrimApiIsOff() throws Exception {
        try (OvaServer off =
                ServedLibrary.start(loaded, ServedLibrary.options("127.0.0.1", false, 1), Optional.empty())) {
            HttpResponse<byte[]> response =
                    new Http(off.port()).get("/api/videos/" + id("café ☕.mp4") + "/trim?start=1&end=2");
            assertEquals(403, response.statusCode());
            assertTrue(new Http(off.port()).get("/api/status").body().length > 0);
        }
    }

    @Test
    void oneTrimBeyondTheLimitGets429AndLeavingClientsLeaveNoFfmpeg() throws Exception {
        String path = "/api/videos/" + id("noise.mp4") + "/trim?start=0&end=6";
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_JOBS; i++) {
                String[] head = new String[1];
                stalled.add(http.begin(path, head));
                assertTrue(head[0].startsWith("HTTP/1.1 200"), head[0]);
            }
            assertEquals(MAX_JOBS, runningFfmpegs().size());
            HttpResponse<byte[]> refused = http.get(path);
            assertEquals(429, refused.statusCode());
            assertEquals("5", refused.headers().firstValue("Retry-After").orElse(""));
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!runningFfmpegs().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(
                List.of(),
                runningFfmpegs().stream().map(p -> p.info().commandLine()).toList());
    }

    private static List<ProcessHandle> runningFfmpegs() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("ffmpeg"))
                .toList();
    }
}
