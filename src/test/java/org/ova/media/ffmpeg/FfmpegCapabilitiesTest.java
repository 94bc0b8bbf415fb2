package org.ova.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FfmpegCapabilitiesTest {

    private static FfmpegCapabilities withEncoders(String... encoders) {
        return new FfmpegCapabilities("7.1.1", Set.of("cuda"), Set.of(encoders), Set.of("h264"), Set.of("scale"));
    }

    @Test
    void libx264IsPreferredOverOpenh264() {
        assertEquals(Optional.of("libx264"), withEncoders("libopenh264", "libx264").h264Encoder());
    }

    @Test
    void openh264IsUsedWithoutLibx264() {
        assertEquals(Optional.of("libopenh264"), withEncoders("libopenh264", "h264_nvenc").h264Encoder());
    }

    @Test
    void nvencIsOnlyChosenWhenAskedFor() {
        FfmpegCapabilities caps = withEncoders("libopenh264", "h264_nvenc");

        assertEquals(Optional.of("libopenh264"), caps.h264Encoder(false));
        assertEquals(Optional.of("h264_nvenc"), caps.h264Encoder(true));
    }

    @Test
    void noH264EncoderGivesEmpty() {
        assertEquals(Optional.empty(), withEncoders("libvpx", "h264_nvenc").h264Encoder());
    }

    @Test
    void lookupsAnswerByExactName() {
        FfmpegCapabilities caps = withEncoders("libvpx");

        assertTrue(caps.hasEncoder("libvpx"));
        assertFalse(caps.hasEncoder("libvpx-vp9"));
        assertTrue(caps.hasHwaccel("cuda"));
        assertFalse(caps.hasHwaccel("vaapi"));
        assertTrue(caps.hasDecoder("h264"));
        assertTrue(caps.hasFilter("scale"));
    }
}
