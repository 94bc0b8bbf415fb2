package org.ova.media.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.pipeline.ProcessingStep;
import org.ova.media.pipeline.VideoJob;
import org.ova.repo.config.ProcessingOptions;
import org.ova.repo.metadata.Chapter;

/** The steps of a build, in their fixed order: thumbnail, sprites, preview, chapters, web proxy. */
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
        steps.add(new ThumbnailStep(options));
        if (options.vtt()) {
            // with processing.vtt off, sprites are made on request only; existing ones are kept
            steps.add(new SpriteSheetStep(options));
        }
        steps.add(new PreviewClipStep(options, capabilities));
        steps.add(new ChapterTrackStep(personChapters));
        steps.add(new WebProxyStep(options.webProxy(), capabilities));
        return List.copyOf(steps);
    }
}
