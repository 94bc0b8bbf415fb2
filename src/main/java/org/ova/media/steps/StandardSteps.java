package org.ova.media.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.pipeline.ProcessingStep;
import org.ova.media.pipeline.VideoJob;
import org.ova.repo.config.ProcessingOptions;
import org.ova.repo.metadata.Chapter;

/**
 * The steps of a build, in their fixed order: sprites (the VTTs), thumbnail, preview, chapters, web
 * proxy, the order of the seed's workflow log ("VTTs generated …" before "Thumbnail generated …").
 */
public final class StandardSteps {

    private StandardSteps() {}

    /**
     * The processing steps in the order they run, with the configured options.
     *
     * @param personChapters the chapters a person wrote for the job's video (empty when none)
     */
    public static List<ProcessingStep> of(
            ProcessingOptions options,
            FfmpegCapabilities capabilities,
            Function<VideoJob, List<Chapter>> personChapters) {
        List<ProcessingStep> steps = new ArrayList<>();
        if (options.vtt()) {
            // with processing.vtt off, sprites are made on request only (vtts); existing ones are kept
            steps.add(new SpriteSheetStep(options));
        }
        steps.add(new ThumbnailStep(options));
        steps.add(new PreviewClipStep(options, capabilities));
        steps.add(new ChapterTrackStep(personChapters));
        steps.add(new WebProxyStep(options.webProxy(), capabilities));
        return List.copyOf(steps);
    }

    /**
     * The steps of "re-make VTTs" (the server's button): the scrub sprites with their WebVTT and the
     * chapters track, whatever {@code processing.vtt} says.
     */
    public static List<ProcessingStep> vtts(
            ProcessingOptions options, Function<VideoJob, List<Chapter>> personChapters) {
        return List.of(new SpriteSheetStep(options), new ChapterTrackStep(personChapters));
    }
}
