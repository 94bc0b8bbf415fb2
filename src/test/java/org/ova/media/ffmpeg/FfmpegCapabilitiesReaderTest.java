package org.ova.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;

class FfmpegCapabilitiesReaderTest {

    @Test
    void realBinaryListsWhatOvaNeeds() {
        FfmpegCapabilities caps =
                new FfmpegCapabilitiesReader().read(TestClips.installation().ffmpeg());

        assertTrue(caps.version().matches("\\d.*|N-.*"), caps.version());
        assertTrue(caps.h264Encoder().isPresent(), "libx264 or libopenh264 in " + caps.encoders());
        assertTrue(caps.hasEncoder("libvpx"), "libvpx in " + caps.encoders());
        assertTrue(caps.hasEncoder("aac"));
        assertTrue(caps.hasDecoder("h264"));
        assertTrue(caps.hasDecoder("vp8"));
        assertTrue(caps.hasFilter("scale"));
        assertTrue(caps.hasFilter("tile"));
        assertTrue(caps.encoders().size() > 20, "encoders " + caps.encoders().size());
    }

    @Test
    void failingListingNamesTheBinaryAndItsLastLine(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("ffmpeg");
        Files.writeString(fake, "#!/bin/sh\necho 'something went wrong' >&2\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

        FfmpegException e = assertThrows(FfmpegException.class, () -> new FfmpegCapabilitiesReader().read(fake));

        assertEquals(fake + " -version failed (exit code 3): something went wrong", e.getMessage());
    }
}
