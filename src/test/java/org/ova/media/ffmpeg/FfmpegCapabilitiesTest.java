package org.ova.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FfmpegCapabilitiesTest {

    private static FfmpegCapabilities withEncoders(String... encoders) {
        return new FfmpegCapabilities("7.1.1", Set.of("cuda"), Set.of(encoders), Set.of("h264"), Set.of("scale"));
    }

    @Test
    void libx264IsPreferredOverOpenh264() {
        assertEquals(
                Optional.of("libx264"), withEncoders("libopenh264", "libx264").h264Encoder());
    }

    @Test
    void openh264IsUsedWithoutLibx264() {
        assertEquals(
                Optional.of("libopenh264"),
                withEncoders("libopenh264", "h264_nvenc").h264Encoder());
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

    private static FfmpegCapabilities version(String version) {
        return new FfmpegCapabilities(version, Set.of(), Set.of(), Set.of(), Set.of());
    }

    @Test
    void releasesFromFourFourOnAreNewEnoughAndGitSnapshotsCountAsNew() {
        assertFalse(version("4.4.2-0ubuntu0.22.04.1").tooOld());
        assertFalse(version("5.1.6-0+deb12u1").tooOld());
        assertFalse(version("n7.1").tooOld());
        assertFalse(version("N-113000-g1234abcd").tooOld());
        assertTrue(version("4.3.6").tooOld());
        assertTrue(version("3.4.11").tooOld());
    }

    @Test
    void variableFrameRateUsesFpsModeFromFiveOneAndVsyncBefore() {
        assertEquals(List.of("-vsync", "vfr"), version("4.4.2").variableFrameRate());
        assertEquals(List.of("-vsync", "vfr"), version("5.0.3").variableFrameRate());
        assertEquals(List.of("-fps_mode", "vfr"), version("5.1.6-0+deb12u1").variableFrameRate());
        assertEquals(List.of("-fps_mode", "vfr"), version("7.1.1").variableFrameRate());
    }
}
