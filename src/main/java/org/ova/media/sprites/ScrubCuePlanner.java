package org.ova.media.sprites;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.ova.media.vtt.WebVttCue;

/**
 * Turns the real timestamps of the frames tiled into sprite sheets into truthful WebVTT cues.
 *
 * <p>Frame {@code i} was decoded at {@code times[i]}; it is shown from its own time until the next
 * frame's time, so a cue never claims a picture from a moment it was not taken, and sparse keyframes
 * widen cues instead of repeating one picture under several times. The first cue starts at 0 and the
 * last ends at the duration, so the cues cover the whole video without gaps or overlaps.
 */
public final class ScrubCuePlanner {

    /** Cues shorter than this are merged away: players cannot show them and rounding would overlap them. */
    private static final double MIN_CUE_SECONDS = 0.001;

    private ScrubCuePlanner() {}

    /**
     * The cues naming the frame really shown at each time of the video.
     *
     * @param frameTimes  presentation times in seconds of the tiled frames, in tiling order
     * @param duration    the video's duration in seconds
     * @param grid        how the frames were tiled
     * @param sheetName   file name of sheet {@code n} (from 0), relative to the VTT file
     */
    public static List<WebVttCue> plan(
            List<Double> frameTimes, double duration, SpriteGrid grid, IntFunction<String> sheetName) {
        if (frameTimes.isEmpty()) {
            return List.of();
        }
        List<Integer> kept = keptFrames(frameTimes, duration);
        double lastTime = frameTimes.get(kept.get(kept.size() - 1));
        double end = Math.max(duration, lastTime + MIN_CUE_SECONDS);
        List<WebVttCue> cues = new ArrayList<>(kept.size());
        for (int k = 0; k < kept.size(); k++) {
            int frame = kept.get(k);
            double start = k == 0 ? 0 : frameTimes.get(frame);
            double until = k + 1 < kept.size() ? frameTimes.get(kept.get(k + 1)) : end;
            cues.add(new WebVttCue(start, until, sheetName.apply(grid.sheetOf(frame)) + grid.xywh(frame)));
        }
        return cues;
    }

    /**
     * Indexes of the frames that get a cue: times must strictly increase by a visible step and lie
     * before the end; a frame breaking that is skipped (its tile simply goes unused).
     */
    private static List<Integer> keptFrames(List<Double> frameTimes, double duration) {
        List<Integer> kept = new ArrayList<>();
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < frameTimes.size(); i++) {
            double time = frameTimes.get(i);
            boolean beforeEnd = duration <= 0 || time < duration - MIN_CUE_SECONDS;
            if (time - previous >= MIN_CUE_SECONDS && (beforeEnd || kept.isEmpty())) {
                kept.add(i);
                previous = time;
            }
        }
        return kept;
    }
}
