package org.ova.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledFfmpegTest {

    private static final ClassLoader LOADER = BundledFfmpegTest.class.getClassLoader();

    @Test
    void extractsOnceAndTheExtractedBinariesRun(@TempDir Path cache) throws Exception {
        BundledFfmpeg bundled = new BundledFfmpeg(cache, LOADER, BundledFfmpeg.thisPlatform());

        BundledFfmpeg.Extracted first = bundled.install();

        Path folder = cache.resolve("7.1.1-1.5.12-" + BundledFfmpeg.thisPlatform());
        assertTrue(first.extractedNow());
        assertEquals("7.1.1-1.5.12", first.version());
        assertEquals(folder, first.folder());
        assertEquals(folder.resolve("ffmpeg"), first.ffmpeg());
        assertEquals(folder.resolve("ffprobe"), first.ffprobe());
        assertTrue(Files.isRegularFile(folder.resolve(BundledFfmpeg.MARKER)));
        assertFalse(Files.exists(folder.resolve("lib/libjniavcodec.so")), "JNI glue is not extracted");
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(List.of(folder), entries.toList(), "no temporary folder is left behind");
        }
        CommandRunner runner = new CommandRunner(Duration.ofSeconds(20));
        for (Path tool : List.of(first.ffmpeg(), first.ffprobe())) {
            CommandRunner.Result result = runner.run(List.of(tool.toString(), "-hide_banner", "-version"));
            assertEquals(0, result.exitCode(), result.stderr());
            assertTrue(result.stdout().contains("version 7.1.1"), result.stdout());
        }

        BundledFfmpeg.Extracted second = new BundledFfmpeg(cache, LOADER, BundledFfmpeg.thisPlatform()).install();

        assertFalse(second.extractedNow());
        assertEquals(first.ffmpeg(), second.ffmpeg());
    }

    @Test
    void aFolderWithoutTheMarkerIsExtractedAgain(@TempDir Path cache) throws Exception {
        Path leftover = Files.createDirectories(cache.resolve("7.1.1-1.5.12-" + BundledFfmpeg.thisPlatform()));
        Files.writeString(leftover.resolve("ffmpeg"), "half written");

        BundledFfmpeg.Extracted extracted = new BundledFfmpeg(cache, LOADER, BundledFfmpeg.thisPlatform()).install();

        assertTrue(extracted.extractedNow());
        assertTrue(Files.isRegularFile(leftover.resolve(BundledFfmpeg.MARKER)));
        assertTrue(Files.size(leftover.resolve("ffmpeg")) > "half written".length());
    }

    @Test
    void aPlatformWithoutABuildSaysHowToGetFfmpeg(@TempDir Path cache) {
        BundledFfmpeg bundled = new BundledFfmpeg(cache, LOADER, "plan9-mips");

        assertFalse(bundled.isShipped());
        FfmpegException e = assertThrows(FfmpegException.class, bundled::install);
        assertEquals(
                "no ffmpeg found: install ffmpeg (it must be on PATH), or set ffmpeg.path in"
                        + " .ova-repo/config.yaml (no bundled build for plan9-mips)",
                e.getMessage());
    }

    @Test
    void cacheFollowsXdgCacheHomeElseHome() {
        assertEquals(
                Path.of("/x/cache/ova/ffmpeg"),
                BundledFfmpeg.userCacheRoot(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/a")));
        assertEquals(Path.of("/home/a/.cache/ova/ffmpeg"), BundledFfmpeg.userCacheRoot(Map.of("HOME", "/home/a")));
        assertEquals(
                Path.of("/home/a/.cache/ova/ffmpeg"),
                BundledFfmpeg.userCacheRoot(Map.of("XDG_CACHE_HOME", "", "HOME", "/home/a")));
    }
}
