package org.ova.media.sprites;

/**
 * Chooses the spacing of scrub thumbnails: the configured interval, or by default about 10 s,
 * closer for short videos so that they still get up to ~100 thumbnails, never under 1 s.
 */
public final class ScrubInterval {

    static final int TARGET_THUMBNAILS = 100;
    static final double MAX_AUTO_SECONDS = 10;
    static final double MIN_AUTO_SECONDS = 1;

    private ScrubInterval() {
    }

    /**
     * @param configuredSeconds the {@code processing.spriteInterval} option; 0 means automatic
     */
    public static double choose(double configuredSeconds, double durationSeconds) {
        if (configuredSeconds > 0) {
            return configuredSeconds;
        }
        double spread = durationSeconds / TARGET_THUMBNAILS;
        return Math.min(MAX_AUTO_SECONDS, Math.max(MIN_AUTO_SECONDS, spread));
    }

    /** How many thumbnails a video of this duration should get at this interval (at least one). */
    public static int expectedCount(double intervalSeconds, double durationSeconds) {
        return Math.max(1, (int) Math.ceil(durationSeconds / intervalSeconds - 1e-9));
    }
}
