package org.ova.repo.config;

/**
 * How {@code ova build} processes videos: which steps run, how many at once, and the size of what
 * they make.
 *
 * @param batch                 process every pending video (false: only those named with --only)
 * @param parallel              videos processed at once; 0 means half the CPU cores, rounded up
 * @param threads               ffmpeg {@code -threads} per job; 0 lets ffmpeg decide when one video runs at a
 *                              time, and shares the cores among the videos when several do
 * @param hwaccel               hardware decoding
 * @param vtt                   make scrub sprites and WebVTT during batch builds
 * @param spriteInterval        seconds between scrub thumbnails; 0 means automatic
 * @param spriteWidth           width of one scrub thumbnail, pixels
 * @param spriteColumns         thumbnails per sprite sheet row
 * @param spriteRows            rows per sprite sheet
 * @param thumbnailWidth        width of the poster thumbnail, pixels
 * @param preview               make hover preview clips
 * @param previewSegments       short segments joined into one preview
 * @param previewSegmentSeconds length of each preview segment
 * @param previewWidth          width of the preview clip, pixels
 * @param webProxy              when to make a browser-playable copy
 */
public record ProcessingOptions(
        boolean batch,
        int parallel,
        int threads,
        HwAccel hwaccel,
        boolean vtt,
        double spriteInterval,
        int spriteWidth,
        int spriteColumns,
        int spriteRows,
        int thumbnailWidth,
        boolean preview,
        int previewSegments,
        double previewSegmentSeconds,
        int previewWidth,
        WebProxyMode webProxy) {

    /** Interval of automatic scrub thumbnails on long videos. */
    public static final double AUTO_SPRITE_INTERVAL_SECONDS = 10;
    /** Automatic intervals shrink on short videos until they get about this many thumbnails. */
    public static final int AUTO_SPRITE_TARGET_COUNT = 100;
    /** Automatic intervals never go below this, however short the video. */
    public static final double AUTO_SPRITE_MIN_INTERVAL_SECONDS = 1;

    /** Videos to process at once on a machine with {@code cores} CPU cores; at least 1. */
    public int effectiveParallel(int cores) {
        if (parallel > 0) {
            return parallel;
        }
        return Math.max(1, (cores + 1) / 2);
    }

    /**
     * ffmpeg {@code -threads} for each of {@code parallel} jobs on {@code cores} CPU cores: the
     * configured count; with 0 and one job, 0 (ffmpeg decides); with 0 and several jobs, the cores
     * divided among them, at least 1. Several ffmpeg processes that each start a thread per core
     * slow each other down: 20 short videos on 2 cores took 31 s with parallel 2 that way, 18 s
     * with one thread each (bench/pipeline.sh).
     */
    public int effectiveThreads(int cores, int parallel) {
        if (threads > 0 || parallel <= 1) {
            return threads;
        }
        return Math.max(1, cores / parallel);
    }

    /**
     * Seconds between scrub thumbnails for a video of {@code durationSeconds}: the configured
     * interval, or when it is 0, every 10 s, closer on short videos so they still get about 100
     * thumbnails, but never closer than 1 s.
     */
    public double effectiveSpriteInterval(double durationSeconds) {
        if (spriteInterval > 0) {
            return spriteInterval;
        }
        double spread = durationSeconds / AUTO_SPRITE_TARGET_COUNT;
        return Math.max(AUTO_SPRITE_MIN_INTERVAL_SECONDS, Math.min(AUTO_SPRITE_INTERVAL_SECONDS, spread));
    }

    /** Thumbnails on one sprite sheet. */
    public int thumbnailsPerSheet() {
        return spriteColumns * spriteRows;
    }
}
