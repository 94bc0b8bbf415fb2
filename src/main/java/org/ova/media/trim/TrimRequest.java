package org.ova.media.trim;

import java.nio.file.Path;

/**
 * One cut of a video: from {@code start} to {@code end} seconds, keyframe-aligned stream copy or a
 * frame-exact re-encode.
 *
 * @param video the source file
 * @param exact re-encode so the cut starts and ends on the exact frames; otherwise copy the streams,
 *              starting at the keyframe at or before {@code start}
 */
public record TrimRequest(Path video, double start, double end, boolean exact) {

    /**
     * Checks the times against the video's {@code duration}.
     *
     * @throws IllegalArgumentException saying which time is wrong and what is allowed
     */
    public static TrimRequest checked(Path video, double start, double end, boolean exact, double duration) {
        if (!(start >= 0) || Double.isInfinite(start)) {
            throw new IllegalArgumentException("start " + start + " is not a time from 0 on");
        }
        if (!(end > start)) {
            throw new IllegalArgumentException("end (" + end + " s) must come after start (" + start + " s)");
        }
        if (end > duration + 0.001) {
            throw new IllegalArgumentException(
                    "end (" + end + " s) is past the end of the video (" + duration + " s long)");
        }
        return new TrimRequest(video, start, Math.min(end, duration), exact);
    }

    public double length() {
        return end - start;
    }
}
