package org.ova.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ova.media.ffmpeg.CommandRunner;
import org.ova.media.ffmpeg.FfmpegException;

/**
 * Estimates how far apart a video's keyframes are, from the packet flags of its first minute (no
 * decoding, so it costs milliseconds). The sprite step uses it to go straight to exact decoding when
 * keyframes are too sparse for the thumbnail interval, instead of making a keyframe pass to throw away.
 */
public final class KeyframeInterval {

    /** How much of the video is looked at. */
    static final double WINDOW_SECONDS = 60;

    private KeyframeInterval() {}

    /**
     * The typical keyframe spacing in seconds, or 0 when ffprobe cannot tell (the estimate is an aid,
     * so failing to make it is never an error).
     */
    public static double estimate(Path ffprobe, Path video, double duration, Duration limit) {
        List<String> command = List.of(
                ffprobe.toString(),
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-read_intervals",
                "%+" + (int) WINDOW_SECONDS,
                "-show_entries",
                "packet=pts_time,flags",
                "-of",
                "csv=p=0",
                video.toString());
        try {
            CommandRunner.Result result = new CommandRunner(limit).run(command);
            return result.exitCode() == 0 ? fromPackets(result.stdout().lines().toList(), duration) : 0;
        } catch (FfmpegException e) {
            return 0;
        }
    }

    /**
     * The median gap between keyframe packets ({@code pts_time,flags} lines, {@code K} in the flags);
     * with a single keyframe in the window, the window (or the whole, shorter video) is the gap.
     */
    static double fromPackets(List<String> lines, double duration) {
        List<Double> keyframes = new ArrayList<>();
        for (String line : lines) {
            int comma = line.indexOf(',');
            if (comma > 0 && line.indexOf('K', comma) > 0) {
                try {
                    keyframes.add(Double.parseDouble(line.substring(0, comma)));
                } catch (NumberFormatException e) {
                    // a packet without a time tells nothing
                }
            }
        }
        keyframes.sort(null);
        if (keyframes.isEmpty()) {
            return 0;
        }
        if (keyframes.size() == 1) {
            return duration > 0 ? Math.min(duration, WINDOW_SECONDS) : WINDOW_SECONDS;
        }
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < keyframes.size(); i++) {
            gaps.add(keyframes.get(i) - keyframes.get(i - 1));
        }
        gaps.sort(null);
        return Math.round(gaps.get(gaps.size() / 2) * 1000) / 1000.0;
    }
}
