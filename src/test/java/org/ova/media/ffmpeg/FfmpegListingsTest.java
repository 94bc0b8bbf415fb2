package org.ova.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FfmpegListingsTest {

    // excerpts of ffmpeg 7.1.1's own output (the org.bytedeco build)

    private static final String VERSION = """
            ffmpeg version 7.1.1 Copyright (c) 2000-2025 the FFmpeg developers
            built with gcc 11 (Ubuntu 11.4.0-1ubuntu1~22.04)
            configuration: --prefix=.. --disable-iconv --enable-libopenh264 --enable-libvpx
            """;

    private static final String HWACCELS = """
            Hardware acceleration methods:
            cuda
            vaapi
            qsv
            drm
            vulkan

            """;

    private static final String ENCODERS = """
            Encoders:
             V..... = Video
             A..... = Audio
             S..... = Subtitle
             .F.... = Frame-level multithreading
             ..S... = Slice-level multithreading
             ...X.. = Codec is experimental
             ....B. = Supports draw_horiz_band
             .....D = Supports direct rendering method 1
             ------
             V....D a64multi             Multicolor charset for Commodore 64 (codec a64_multi)
             V....D libopenh264          OpenH264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
             V....D h264_nvenc           NVIDIA NVENC H.264 encoder (codec h264)
             VFS... mjpeg                MJPEG (Motion JPEG)
             V....D libvpx               libvpx VP8 (codec vp8)
             A....D aac                  AAC (Advanced Audio Coding)
             A..X.D opus                 Opus
             S..... webvtt               WebVTT subtitle
            """;

    private static final String FILTERS = """
            Filters:
              T.. = Timeline support
              .S. = Slice threading
              ..C = Command support
              A = Audio input/output
              V = Video input/output
              N = Dynamic number and/or type of input/output
              | = Source or sink filter
             TSC aap               AA->A      Apply Affine Projection algorithm to first audio stream.
             ..C scale             V->V       Scale the input video size and/or convert the image format.
             ... nullsink          V->|       Do absolutely nothing with the input video.
             ..C concat            N->N       Concatenate audio and video streams.
             ... buffer            |->V       Buffer video frames, and make them accessible to the filterchain.
            """;

    @Test
    void versionIsTheWordAfterVersion() {
        assertEquals("7.1.1", FfmpegListings.version(VERSION));
    }

    @Test
    void distributionVersionKeepsItsSuffix() {
        assertEquals(
                "5.1.6-0+deb12u1",
                FfmpegListings.version(
                        "ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers\n"));
    }

    @Test
    void unusualVersionLineIsKeptWhole() {
        assertEquals("ffmpeg N-113000-g1234", FfmpegListings.version("ffmpeg N-113000-g1234\n"));
    }

    @Test
    void hwaccelsAreTheLinesAfterTheHeading() {
        assertEquals(List.of("cuda", "vaapi", "qsv", "drm", "vulkan"), List.copyOf(FfmpegListings.hwaccels(HWACCELS)));
    }

    @Test
    void hwaccelsOfABuildWithoutAnyAreEmpty() {
        assertEquals(Set.of(), FfmpegListings.hwaccels("Hardware acceleration methods:\n\n"));
    }

    @Test
    void encoderNamesSkipTheLegend() {
        assertEquals(
                List.of("a64multi", "libopenh264", "h264_nvenc", "mjpeg", "libvpx", "aac", "opus", "webvtt"),
                List.copyOf(FfmpegListings.codecs(ENCODERS)));
    }

    @Test
    void filterNamesSkipTheLegendAndIncludeSourcesAndSinks() {
        assertEquals(
                List.of("aap", "scale", "nullsink", "concat", "buffer"), List.copyOf(FfmpegListings.filters(FILTERS)));
    }
}
