package org.ova.media.steps;

import java.util.List;
import java.util.Locale;

/**
 * Output options for the video encoders the steps use, so that each encoder gets settings that
 * suit it: libx264 and NVENC take a constant quality, libopenh264 and libvpx a bit rate.
 */
public final class VideoEncoders {

    private VideoEncoders() {}

    /**
     * @param quality        libx264 CRF / NVENC CQ (lower is better; 23 is libx264's default)
     * @param bitsPerSecond  the rate for libopenh264, which has no constant-quality mode
     */
    public static List<String> h264(String encoder, int quality, long bitsPerSecond) {
        return switch (encoder) {
            case "libx264" -> List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", String.valueOf(quality));
            case "h264_nvenc" ->
                List.of(
                        "-c:v",
                        "h264_nvenc",
                        "-preset",
                        "p4",
                        "-rc",
                        "vbr",
                        "-cq",
                        String.valueOf(quality),
                        "-b:v",
                        "0");
            default -> List.of("-c:v", encoder, "-b:v", kilobits(bitsPerSecond));
        };
    }

    /** VP9 or VP8 tuned for speed: hover previews are small and made for every video. */
    static List<String> vpx(String encoder, long bitsPerSecond) {
        if (encoder.equals("libvpx-vp9")) {
            return List.of(
                    "-c:v",
                    "libvpx-vp9",
                    "-b:v",
                    kilobits(bitsPerSecond),
                    "-deadline",
                    "realtime",
                    "-cpu-used",
                    "8",
                    "-row-mt",
                    "1");
        }
        return List.of("-c:v", encoder, "-b:v", kilobits(bitsPerSecond), "-deadline", "realtime", "-cpu-used", "8");
    }

    private static String kilobits(long bitsPerSecond) {
        return String.format(Locale.ROOT, "%dk", Math.max(1, bitsPerSecond / 1000));
    }
}
