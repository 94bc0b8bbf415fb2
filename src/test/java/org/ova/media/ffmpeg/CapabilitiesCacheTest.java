package org.ova.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.LogCapture;
import org.ova.media.TestClips;

/** The capabilities are asked of ffmpeg once per binary and kept as JSON with named fields. */
class CapabilitiesCacheTest {

    @TempDir
    Path dir;

    /** An ffmpeg that counts its runs in front of the real one. */
    private Path countingFfmpeg() throws IOException {
        Path script = dir.resolve("ffmpeg");
        Files.writeString(
                script,
                "#!/bin/sh\necho run >> '" + dir.resolve("runs") + "'\nexec '"
                        + TestClips.installation().ffmpeg() + "' \"$@\"\n");
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    private int runs() throws IOException {
        Path runs = dir.resolve("runs");
        return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
    }

    @Test
    void anUnchangedBinaryIsAskedOnceAndAChangedOneAgain() throws IOException {
        Path ffmpeg = countingFfmpeg();
        Path file = dir.resolve("ffmpeg-capabilities.json");
        FfmpegCapabilities first = new CapabilitiesCache(file, new FfmpegCapabilitiesReader()).capabilitiesOf(ffmpeg);
        int asked = runs();
        assertEquals(5, asked, "five listings");
        String json = Files.readString(file);
        assertTrue(json.contains("\"version\" : 1"), json);
        assertTrue(json.contains("\"ffmpegVersion\" : \"" + first.version() + "\""), json);
        assertTrue(json.contains("\"encoders\" : [ \""), json);

        assertEquals(first, new CapabilitiesCache(file, new FfmpegCapabilitiesReader()).capabilitiesOf(ffmpeg));
        assertEquals(asked, runs(), "read from the cache");

        Files.setLastModifiedTime(
                ffmpeg, FileTime.fromMillis(Files.getLastModifiedTime(ffmpeg).toMillis() - 60_000));
        new CapabilitiesCache(file, new FfmpegCapabilitiesReader()).capabilitiesOf(ffmpeg);
        assertEquals(2 * asked, runs(), "a changed binary is asked again");
    }

    @Test
    void aBrokenCacheIsReportedInOneWarningAndTheBinaryAskedAgain() throws IOException {
        Path ffmpeg = countingFfmpeg();
        Path file = dir.resolve("ffmpeg-capabilities.json");
        Files.writeString(file, "{\"version\":1,\n\"encoders\":[\"libx264\",");
        try (LogCapture log = LogCapture.of(CapabilitiesCache.class)) {
            FfmpegCapabilities read =
                    new CapabilitiesCache(file, new FfmpegCapabilitiesReader()).capabilitiesOf(ffmpeg);
            assertEquals(
                    List.of("[WARN] " + file + " is not valid JSON (line 2): ffmpeg is asked for its"
                            + " capabilities again."),
                    log.lines());
            assertTrue(!read.encoders().isEmpty());
        }
        assertEquals(5, runs());
    }
}
