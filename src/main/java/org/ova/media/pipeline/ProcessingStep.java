package org.ova.media.pipeline;

import java.nio.file.Path;

/**
 * One kind of thing made for a video (thumbnail, scrub sprites, preview, chapter track, web proxy).
 * The pipeline runs the steps in a fixed order and re-runs a step only when the video changed or
 * the step's {@link #optionsKey()} changed.
 */
public interface ProcessingStep {

    /** What the step makes: its folder, its name in machine data and its noun in log lines. */
    MediaKind kind();

    /**
     * The file the site links to, which {@link #run} makes inside its folder ({@code thumb.jpg},
     * {@code preview.mp4}, …). The pipeline checks that it is there and complete before recording it.
     */
    String outputFile(VideoJob job);

    /**
     * Everything besides the video's content that the output depends on (options, chosen encoder),
     * as one string; when it differs from the last successful run, the step runs again.
     */
    String optionsKey();

    /**
     * What the output depends on from this particular video's metadata (e.g. the chapters a person
     * wrote); it joins {@link #optionsKey()} in deciding whether to run again. Empty by default.
     */
    default String inputKey(VideoJob job) {
        return "";
    }

    /** Whether the step has anything to do for this video (a web proxy only for unplayable files). */
    default boolean appliesTo(VideoJob job) {
        return true;
    }

    /**
     * Makes the step's files inside {@code outDir}, an empty staging folder that the pipeline moves
     * into place ({@code .ova-repo/media/<id>/<folder>/}) only when every step of the video succeeded.
     *
     * @throws org.ova.media.MediaException with a one-line reason when it cannot
     */
    void run(VideoJob job, Path outDir);
}
