package org.ova.media.vtt;

/**
 * One WebVTT cue: from {@code start} to {@code end} seconds, showing {@code text}
 * (an image reference for scrub thumbnails, a title for chapters).
 */
public record WebVttCue(double start, double end, String text) {

    public WebVttCue {
        if (!(start >= 0) || !(end > start)) {
            throw new IllegalArgumentException("a cue needs 0 <= start < end, got " + start + " --> " + end);
        }
        if (text.isBlank() || text.contains("-->") || text.contains("\n\n")) {
            throw new IllegalArgumentException("cue text must be non-blank, without '-->' or blank lines: " + text);
        }
    }
}
