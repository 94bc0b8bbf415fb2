package org.ova.media.steps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ova.media.MediaException;
import org.ova.media.pipeline.MediaKind;
import org.ova.media.pipeline.ProcessingStep;
import org.ova.media.pipeline.VideoJob;
import org.ova.repo.config.ProcessingOptions;

/**
 * Makes a video's poster {@code thumb.jpg}: a representative picture (not black, not the first
 * frame of a fade) chosen by ffmpeg's {@code thumbnail} filter from a short window about 15% into
 * the video, upright, one eye only for stereo videos, {@code thumbnailWidth} wide.
 */
public final class ThumbnailStep implements ProcessingStep {

    public static final String FILE = "thumb.jpg";
    /** Changes whenever the way posters are made changes, so existing posters are remade. */
    static final String METHOD = "window-v1";
    /** Frames the thumbnail filter compares (about a second of video). */
    static final int WINDOW_FRAMES = 30;
    /** Videos shorter than this are read from the start. */
    static final double SHORT_VIDEO_SECONDS = 2;

    private final ProcessingOptions options;

    public ThumbnailStep(ProcessingOptions options) {
        this.options = options;
    }

    @Override
    public MediaKind kind() {
        return MediaKind.THUMBNAIL;
    }

    @Override
    public String outputFile(VideoJob job) {
        return FILE;
    }

    @Override
    public String optionsKey() {
        return "method=" + METHOD + " width=" + options.thumbnailWidth();
    }

    @Override
    public void run(VideoJob job, Path outDir) {
        Path poster = outDir.resolve(FILE);
        double seek = seekTime(job.probe().durationSeconds());
        if (seek > 0) {
            String why;
            try {
                render(job, poster, seek);
                if (Files.isRegularFile(poster)) {
                    return;
                }
                // ffmpeg 5.1 exits 0 without a picture when the seek leaves no frame
                why = "no frame";
            } catch (MediaException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                // ffmpeg 7 fails when the seek leaves no frame (a duration longer than the stream)
                why = e.getMessage();
            }
            job.log()
                    .debug("Thumbnail: no picture after " + seek + " s in '" + job.relativePath() + "' (" + why
                            + "); reading from the start.");
        }
        render(job, poster, 0);
        if (!Files.isRegularFile(poster)) {
            throw new MediaException(
                    job.file(), "no video frame could be decoded for the thumbnail of " + job.relativePath());
        }
    }

    /** About 15% in, but leaving two seconds before the end; 0 for short videos. */
    static double seekTime(double duration) {
        if (!(duration >= SHORT_VIDEO_SECONDS)) {
            return 0;
        }
        return Math.max(0, Math.min(duration * 0.15, duration - SHORT_VIDEO_SECONDS));
    }

    private void render(VideoJob job, Path poster, double seek) {
        ShownPicture picture = ShownPicture.of(job.probe(), job.vr());
        // scale before choosing: the filter keeps the whole window in memory
        List<String> filters = new ArrayList<>(picture.filtersScaledTo(options.thumbnailWidth()));
        filters.add("thumbnail=" + WINDOW_FRAMES);
        List<String> seeking = seek > 0 ? List.of("-ss", String.format(Locale.ROOT, "%.3f", seek)) : List.of();
        job.tools()
                .ffmpeg()
                .run(
                        job.file(),
                        "thumbnail",
                        PictureCommand.arguments(
                                job,
                                seeking,
                                String.join(",", filters),
                                List.of("-frames:v", "1", "-update", "1", "-q:v", "3"),
                                poster.toAbsolutePath().toString()));
    }
}
