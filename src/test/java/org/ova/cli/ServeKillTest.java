package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.server.upload.UploadForm;

/**
 * {@code ova serve} killed with {@code kill -9} in the middle of an upload and in the middle of processing:
 * the next start leaves no partial file in the library and no staging, stops the ffmpeg the killed server
 * left running, and its queue resumes with the unfinished video only.
 */
class ServeKillTest {

    private static final Pattern PORT = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path library;

    @TempDir
    Path tools;

    @Test
    void anUploadCutShortByKill9LeavesNothingInTheLibraryAndItsLeftoverIsDeletedAtTheNextStart() throws Exception {
        TestClips.withLocatedFfmpeg().clip(library.resolve("old.mp4"), TestClips.Spec.of(1, 64, 36));
        ChildBuild serve = ChildBuild.start("serve", "--no-process", "--port", "0", library.toString());
        int port = port(serve);
        byte[] head = UploadForm.body("big.mp4", new byte[0], "", "", "");
        // the form up to the file's bytes, and a length that promises 8 MB more than is ever sent
        int fileStart = head.length - ("\r\n--" + UploadForm.BOUNDARY + "--\r\n").length();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Requested-With: ova\r\n"
                            + "Content-Type: multipart/form-data; boundary=" + UploadForm.BOUNDARY + "\r\n"
                            + "Content-Length: " + (head.length + 8 * 1024 * 1024) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(head, 0, fileStart);
            out.write(new byte[1024 * 1024]);
            out.flush();
            Path uploads = library.resolve(".ova-repo/uploads");
            awaitTrue(() -> partSizes(uploads) > 0, "the upload's bytes reached the uploads folder");
            serve.kill();
        }
        assertEquals(List.of("old.mp4"), videosInLibrary(), "no partial file in the library");

        assertTrue(partSizes(library.resolve(".ova-repo/uploads")) > 0, "the killed server left its part file");
        try (ServeFixture again = ServeFixture.start(library, "--no-process")) {
            assertEquals(0, partSizes(library.resolve(".ova-repo/uploads")), "the leftover is deleted");
        }
        assertEquals(List.of("old.mp4"), videosInLibrary());
    }

    @Test
    void processingCutShortByKill9IsResumedAtTheNextStartWithoutOrphansOrStaging() throws Exception {
        FfmpegInstallation real = TestClips.installation();
        TestClips clips = new TestClips(real.ffmpeg());
        clips.clip(library.resolve("a.mp4"), TestClips.Spec.of(0.5, 64, 36));
        clips.clip(library.resolve("z-slow.mp4"), TestClips.Spec.of(40, 64, 36));
        SlowSpriteFfmpeg ffmpeg = SlowSpriteFfmpeg.install(tools, library, real, "z-slow");

        ChildBuild serve = ChildBuild.start("serve", "--port", "0", library.toString());
        port(serve);
        ProcessHandle slow = ffmpeg.awaitRunning(serve, output -> true);
        serve.kill();
        assertTrue(slow.isAlive(), "the orphan ffmpeg outlives the killed server");

        ffmpeg.makeFast();
        try (ServeFixture again = ServeFixture.start(library)) {
            // it would read for 40 s on its own: gone within 10 s means it was stopped
            slow.onExit().get(10, TimeUnit.SECONDS);
            JsonNode jobs = awaitJobsEnded(again);
            assertEquals(1, jobs.size(), "only the unfinished video is queued again: " + jobs);
            assertEquals("z-slow.mp4", jobs.at("/0/path").asText());
            assertEquals("done", jobs.at("/0/state").asText(), jobs.toString());
        }
        try (Stream<Path> staging = Files.walk(library.resolve(".ova-repo/staging"))) {
            assertEquals(List.of(library.resolve(".ova-repo/staging")), staging.toList());
        }
    }

    private static int port(ChildBuild serve) throws InterruptedException {
        serve.awaitLine(line -> PORT.matcher(line).find());
        for (String line : serve.output()) {
            Matcher found = PORT.matcher(line);
            if (found.find()) {
                return Integer.parseInt(found.group(1));
            }
        }
        throw new AssertionError(serve.output().toString());
    }

    private static JsonNode awaitJobsEnded(ServeFixture served) throws Exception {
        JsonNode jobs = null;
        for (int i = 0; i < 1200; i++) {
            jobs = JSON.readTree(served.get("/api/jobs").body()).get("jobs");
            boolean ended = jobs.size() > 0;
            for (JsonNode job : jobs) {
                ended &= job.get("state").asText().equals("done")
                        || job.get("state").asText().equals("failed");
            }
            if (ended) {
                return jobs;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the jobs did not end: " + jobs + "\n" + served.console());
    }

    private List<String> videosInLibrary() throws Exception {
        try (Stream<Path> files = Files.list(library)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private static long partSizes(Path uploads) throws Exception {
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(uploads)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, String what) throws Exception {
        for (int i = 0; i < 400; i++) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("never happened: " + what);
    }
}
