package org.ova.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Which parts of a video its hover preview shows: {@code count} segments spread evenly over the
 * video, skipping the first and last 5% (intros, fades, credits), or the whole clip when the video
 * is no longer than the segments together. Segments never overlap.
 *
 * @param segments  in playing order; one segment from 0 when {@code wholeClip}
 * @param wholeClip the video is too short to cut; the preview is the whole video, scaled
 */
public record PreviewPlan(List<Segment> segments, boolean wholeClip) {

    /** Share of the video skipped at each end when there is room to skip it. */
    static final double EDGE_SHARE = 0.05;

    /** One piece of the video, {@code length} seconds from {@code start}. */
    public record Segment(double start, double length) {}

    public PreviewPlan {
        segments = List.copyOf(segments);
    }

    /**
     * Spreads {@code count} segments of {@code segmentSeconds} evenly over the video.
     *
     * @param durationSeconds the video's duration (0 when unknown: the whole clip)
     * @param count           segments wanted, at least 1
     * @param segmentSeconds  length of each segment, more than 0
     */
    public static PreviewPlan of(double durationSeconds, int count, double segmentSeconds) {
        if (count < 1 || !(segmentSeconds > 0)) {
            throw new IllegalArgumentException("a preview needs at least one segment of positive length, got " + count
                    + " x " + segmentSeconds + " s");
        }
        double total = count * segmentSeconds;
        if (!(durationSeconds > total)) {
            return new PreviewPlan(List.of(new Segment(0, Math.max(0, durationSeconds))), true);
        }
        // the margin shrinks when the 5% edges would squeeze the segments into overlapping
        double margin = Math.min(EDGE_SHARE * durationSeconds, (durationSeconds - total) / 2);
        double lastStart = durationSeconds - margin - segmentSeconds;
        List<Segment> segments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double start = count == 1
                    ? (durationSeconds - segmentSeconds) / 2
                    : margin + i * (lastStart - margin) / (count - 1);
            segments.add(new Segment(millis(start), segmentSeconds));
        }
        return new PreviewPlan(segments, false);
    }

    /** Seconds of video the preview plays. */
    public double totalSeconds() {
        return segments.stream().mapToDouble(Segment::length).sum();
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
