package org.ova.media.trim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ova.media.MediaException;
import org.ova.media.steps.VideoEncoders;

/**
 * The ffmpeg argument list of a trim: a fragmented MP4 ({@code frag_keyframe+empty_moov}) so its bytes
 * can be sent while ffmpeg still cuts, written to standard output or a file. (The video page builds the
 * same command for a person to paste where no server runs: keep {@code server-controls.js} in step.)
 */
public final class TrimCommand {

    /** libx264's CRF for exact cuts: visually close to the source. */
    private static final int QUALITY = 18;

    private static final long OPENH264_BITS = 8_000_000;

    private TrimCommand() {}

    /**
     * @param ffmpeg  the binary
     * @param encoder the H.264 encoder for exact cuts (see {@code FfmpegCapabilities.h264Encoder}); unused
     *                for copies
     * @param output  {@code pipe:1} for standard output, else a file path
     * @throws MediaException when an exact cut is asked of an ffmpeg without an H.264 encoder
     */
    public static List<String> arguments(Path ffmpeg, TrimRequest request, Optional<String> encoder, String output) {
        List<String> arguments = new ArrayList<>(List.of(
                ffmpeg.toString(),
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-ss",
                seconds(request.start()),
                "-i",
                request.video().toString(),
                "-t",
                seconds(request.length()),
                "-map",
                "0:v:0?",
                "-map",
                "0:a:0?"));
        if (request.exact()) {
            String codec = encoder.orElseThrow(() -> new MediaException(
                    request.video(),
                    "this ffmpeg has no H.264 encoder for an exact cut: trim in copy mode, or install an ffmpeg"
                            + " with libx264 and set ffmpeg.path in .ova-repo/config.yaml"));
            arguments.addAll(VideoEncoders.h264(codec, QUALITY, OPENH264_BITS));
            arguments.addAll(List.of("-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "160k"));
        } else {
            arguments.addAll(List.of("-c", "copy", "-avoid_negative_ts", "make_zero"));
        }
        arguments.addAll(List.of("-movflags", "frag_keyframe+empty_moov+default_base_moof", "-f", "mp4", "-y", output));
        return arguments;
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
