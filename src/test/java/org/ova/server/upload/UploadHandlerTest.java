package org.ova.server.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.undertow.Undertow;
import io.undertow.server.handlers.BlockingHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.config.ServerOptions;
import org.ova.repo.scan.ScanOptions;
import org.ova.server.ProblemHandler;

/** {@code POST /api/uploads} on a real Undertow on a loopback port, with real files. */
class UploadHandlerTest {

    private static final String BOUNDARY = UploadForm.BOUNDARY;

    @TempDir
    Path root;

    private Undertow server;
    private final List<String> added = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    private int start(boolean uploads, int maxUploadMb) {
        OvaConfig defaults = OvaConfig.defaults();
        ServerOptions s = defaults.server();
        ServerOptions options = new ServerOptions(
                s.host(),
                s.port(),
                s.token(),
                s.trimApi(),
                s.maxTrimJobs(),
                uploads,
                maxUploadMb,
                s.batchVtt(),
                s.showVttButton());
        LibraryLayout layout = new LibraryLayout(root);
        UploadHandler handler = new UploadHandler(
                layout,
                options,
                () -> ScanOptions.from(defaults.library()).extensions(),
                new UploadStore(layout),
                new VideoIntake() {
                    @Override
                    public String added(String path) {
                        added.add(path);
                        return "id-" + added.size();
                    }

                    @Override
                    public void removed(String path) {
                        throw new AssertionError("an upload never removes " + path);
                    }
                });
        server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(new BlockingHandler(new ProblemHandler(handler::upload)))
                .build();
        server.start();
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static byte[] body(String fileName, byte[] file, String folder, String title, String tags) {
        return UploadForm.body(fileName, file, folder, title, tags);
    }

    private HttpResponse<String> post(int port, byte[] body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/uploads"))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** Every file under the library but ova's own machine files and metadata. */
    private List<String> libraryFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString())
                    .filter(path -> !path.startsWith(".ova-repo/metadata/"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aCompleteUploadBecomesADraftInTheChosenFolderWithItsTitleAndTags() throws Exception {
        int port = start(true, 16);
        byte[] video = bytes(300_000);
        HttpResponse<String> answer =
                post(port, body("Beach day.mp4", video, "trips/2026", "Beach, day one", " sea, sun,sea ,"));
        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals(
                "{\"id\":\"id-1\",\"path\":\"trips/2026/Beach day.mp4\",\"title\":\"Beach, day one\","
                        + "\"tags\":[\"sea\",\"sun\"],\"draft\":true}",
                answer.body());
        assertArrayEquals(video, Files.readAllBytes(root.resolve("trips/2026/Beach day.mp4")));
        String yaml = Files.readString(root.resolve(".ova-repo/metadata/trips/2026/Beach day.mp4.yaml"));
        assertTrue(yaml.contains("draft: true"), yaml);
        assertTrue(yaml.contains("Beach, day one"), yaml);
        assertTrue(yaml.contains("sea") && yaml.contains("sun"), yaml);
        assertEquals(List.of("trips/2026/Beach day.mp4"), added);
        assertEquals(List.of("trips/2026/Beach day.mp4"), libraryFiles(), "no upload leftovers");
    }

    @Test
    void aNameThatIsTakenGetsANumberAndNothingIsOverwritten() throws Exception {
        int port = start(true, 16);
        Files.createDirectories(root.resolve("clips"));
        Files.write(root.resolve("clips/cat.mp4"), bytes(10));
        List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            byte[] body = body("cat.mp4", bytes(200_000 + i), "clips", "", "");
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return post(port, body);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<HttpResponse<String>> one : both) {
            assertEquals(201, one.get().statusCode(), one.get().body());
        }
        assertArrayEquals(bytes(10), Files.readAllBytes(root.resolve("clips/cat.mp4")));
        assertEquals(List.of("clips/cat (2).mp4", "clips/cat (3).mp4", "clips/cat.mp4"), libraryFiles());
    }

    @Test
    void badNamesFoldersAndEmptyFilesAreRefusedAndStoreNothing() throws Exception {
        int port = start(true, 16);
        for (String name : List.of("../evil.mp4", "a\\b.mp4", "..", ".hidden.mp4", "notes.txt", "nul\u0000.mp4")) {
            HttpResponse<String> answer = post(port, body(name, bytes(1000), "", "", ""));
            assertEquals(400, answer.statusCode(), name + ": " + answer.body());
            assertTrue(answer.body().startsWith("{\"error\":"), answer.body());
        }
        for (String folder : List.of("../out", "/etc", ".ova-repo", "a/../../b", "trips\\x")) {
            HttpResponse<String> answer = post(port, body("ok.mp4", bytes(1000), folder, "", ""));
            assertEquals(400, answer.statusCode(), folder + ": " + answer.body());
        }
        assertEquals(400, post(port, body("empty.mp4", new byte[0], "", "", "")).statusCode());
        assertEquals(List.of(), libraryFiles());
        assertFalse(Files.exists(root.resolve("out")));
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
        int port = start(true, 1);
        HttpResponse<String> answer = post(port, body("big.mp4", bytes(1_500_000), "", "", ""));
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("server.maxUploadMb"), answer.body());
        assertEquals(List.of(), libraryFiles());
    }

    @Test
    void uploadsTurnedOffAreRefused() throws Exception {
        int port = start(false, 16);
        HttpResponse<String> answer = post(port, body("clip.mp4", bytes(1000), "", "", ""));
        assertEquals(403, answer.statusCode(), answer.body());
        assertEquals(List.of(), libraryFiles());
    }

    @Test
    void aClientThatGoesAwayMidUploadLeavesNoPartialFile() throws Exception {
        int port = start(true, 16);
        byte[] body = body("cut.mp4", bytes(2_000_000), "", "", "");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary="
                            + BOUNDARY + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(300);
        }
        List<String> files = libraryFiles();
        for (int i = 0; i < 50 && !files.isEmpty(); i++) {
            Thread.sleep(100);
            files = libraryFiles();
        }
        assertEquals(List.of(), files, "the partial upload was deleted, nothing reached the library");
        assertEquals(List.of(), added);
    }

    @Test
    void theDiskFillingUpMidUploadAnswers507AndKeepsNothing() throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=80m", "tmpfs", root.toString())
                .redirectErrorStream(true)
                .start();
        assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs here (not root?)");
        try {
            int port = start(true, 100);
            byte[] body = body("big.mp4", bytes(12_000_000), "", "", "");
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: "
                                + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 1_000_000);
                out.flush();
                Path uploads = root.resolve(".ova-repo/uploads");
                for (int i = 0; i < 200 && !hasPartFile(uploads); i++) {
                    Thread.sleep(25);
                }
                assertTrue(hasPartFile(uploads), "the upload started");
                // something else fills the disk while the upload goes on
                Path filler = root.resolve("filler.bin");
                try (OutputStream fill = Files.newOutputStream(filler)) {
                    byte[] chunk = new byte[1024 * 1024];
                    for (int i = 0; i < 100; i++) {
                        fill.write(chunk);
                    }
                } catch (IOException full) {
                    // the disk is full now
                }
                try {
                    out.write(body, 1_000_000, body.length - 1_000_000);
                    out.flush();
                } catch (IOException refused) {
                    // the server may answer and close before the rest is sent
                }
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 507"), answer);
                assertTrue(answer.contains("disk filled up"), answer);
                Files.delete(filler);
            }
            assertEquals(List.of(), libraryFiles(), "nothing reached the library");
            assertFalse(hasPartFile(root.resolve(".ova-repo/uploads")), "the partial upload was deleted");
            assertEquals(List.of(), added);
        } finally {
            stop();
            new ProcessBuilder("umount", root.toString()).inheritIO().start().waitFor();
        }
    }

    private static boolean hasPartFile(Path uploads) throws IOException {
        if (!Files.isDirectory(uploads)) {
            return false;
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.findAny().isPresent();
        }
    }
}
