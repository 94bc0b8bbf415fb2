package org.ova.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.LibraryLayout;
import org.ova.repo.scan.ScanOptions;

class VideoFilesWatcherTest {

    private static final Duration SETTLE = Duration.ofMillis(400);

    @TempDir
    Path root;

    private final BlockingQueue<Set<String>> reports = new LinkedBlockingQueue<>();
    private VideoFilesWatcher watcher;

    @BeforeEach
    void watch() throws Exception {
        Files.createDirectories(root.resolve(".ova-repo/metadata"));
        Files.createDirectories(root.resolve("trips"));
        Files.write(root.resolve("trips/old.mp4"), new byte[] {1, 2, 3});
        watcher = VideoFilesWatcher.start(
                new LibraryLayout(root),
                new ScanOptions(Set.of("mp4", "mkv"), List.of("**/private/**"), false),
                SETTLE,
                reports::add);
    }

    @AfterEach
    void stop() {
        watcher.close();
    }

    private Set<String> nextReport() throws InterruptedException {
        return reports.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void aFileStillBeingCopiedIsReportedOnceWhenItStoppedGrowing() throws Exception {
        long started = System.nanoTime();
        try (OutputStream copy = Files.newOutputStream(root.resolve("trips/new.mp4"))) {
            for (int i = 0; i < 8; i++) {
                copy.write(new byte[64 * 1024]);
                copy.flush();
                Thread.sleep(150);
            }
        }
        long copied = System.nanoTime();
        assertEquals(Set.of("trips/new.mp4"), nextReport());
        assertTrue(System.nanoTime() - copied >= SETTLE.toNanos() / 2, "reported after the copy settled");
        assertTrue(copied - started > SETTLE.toNanos(), "the copy took longer than the settle time");
        assertNull(reports.poll(SETTLE.toMillis() * 3, TimeUnit.MILLISECONDS), "one report per copy");
    }

    @Test
    void aRenameIsOneReportWithBothPaths() throws Exception {
        Files.move(root.resolve("trips/old.mp4"), root.resolve("trips/renamed.mp4"));
        assertEquals(Set.of("trips/old.mp4", "trips/renamed.mp4"), nextReport());
    }

    @Test
    void aDeletedVideoIsReported() throws Exception {
        Files.delete(root.resolve("trips/old.mp4"));
        assertEquals(Set.of("trips/old.mp4"), nextReport());
    }

    @Test
    void aNewFolderWithVideosIsWatchedAndItsVideosReported() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox/day one"));
        Files.write(inbox.resolve("a.MKV"), new byte[] {1});
        assertEquals(Set.of("inbox/day one/a.MKV"), nextReport());
        Files.write(inbox.resolve("b.mp4"), new byte[] {2});
        assertEquals(Set.of("inbox/day one/b.mp4"), nextReport());
    }

    @Test
    void filesTheScanSkipsAreNotReported() throws Exception {
        Files.createDirectories(root.resolve(".ova-repo/metadata/trips"));
        Files.writeString(root.resolve(".ova-repo/metadata/trips/old.mp4.yaml"), "title: x\n");
        Files.write(root.resolve("trips/.hidden.mp4"), new byte[] {1});
        Files.writeString(root.resolve("trips/notes.txt"), "x");
        Files.createDirectories(root.resolve("trips/private"));
        Files.write(root.resolve("trips/private/secret.mp4"), new byte[] {1});
        Files.write(root.resolve("trips/shown.mp4"), new byte[] {1});
        assertEquals(Set.of("trips/shown.mp4"), nextReport());
    }
}
