package org.ova.media.steps;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.ova.media.ChapterCues;
import org.ova.media.pipeline.MediaKind;
import org.ova.media.pipeline.ProcessingStep;
import org.ova.media.pipeline.VideoJob;
import org.ova.media.vtt.WebVttCue;
import org.ova.media.vtt.WebVttWriter;
import org.ova.repo.AtomicFiles;
import org.ova.repo.metadata.Chapter;

/**
 * Writes {@code chapters.vtt}, the WebVTT chapters track players show as chapter marks. The chapters
 * are the person's (from the video's YAML) when there are any, else the container's; videos with
 * neither get no track. No ffmpeg is run.
 *
 * <p>The track depends on the YAML as well as on the video: {@link #inputKey} changes when the
 * chapters do, for a pipeline that re-runs steps on such changes.
 */
public final class ChapterTrackStep implements ProcessingStep {

    public static final String FILE_NAME = "chapters.vtt";

    private final Function<VideoJob, List<Chapter>> personChapters;

    /**
     * @param personChapters the chapters in the video's YAML (empty when the person wrote none)
     */
    public ChapterTrackStep(Function<VideoJob, List<Chapter>> personChapters) {
        this.personChapters = personChapters;
    }

    @Override
    public MediaKind kind() {
        return MediaKind.CHAPTERS;
    }

    @Override
    public String outputFile(VideoJob job) {
        return FILE_NAME;
    }

    @Override
    public String optionsKey() {
        return "webvtt method=1";
    }

    @Override
    public boolean appliesTo(VideoJob job) {
        return !cues(job).isEmpty();
    }

    @Override
    public void run(VideoJob job, Path outDir) {
        AtomicFiles.write(outDir.resolve(FILE_NAME), WebVttWriter.write(cues(job)));
    }

    /** The person's chapters when there are any, else the container's. */
    public List<Chapter> chapters(VideoJob job) {
        List<Chapter> person = personChapters.apply(job);
        return person.isEmpty() ? job.probe().chapters() : person;
    }

    public List<WebVttCue> cues(VideoJob job) {
        return ChapterCues.of(chapters(job), job.probe().durationSeconds());
    }

    /** The track's text: equal exactly when the track would be the same. */
    @Override
    public String inputKey(VideoJob job) {
        return WebVttWriter.write(cues(job));
    }
}
