package org.ova.media.steps;

import java.util.ArrayList;
import java.util.List;
import org.ova.media.pipeline.VideoJob;

/**
 * The ffmpeg command of the steps that turn a video's pictures into images (the poster, the sprite
 * sheets): the input with its options, no audio, subtitles or data, the filter chain, the image
 * options, the thread count, and the output last.
 */
final class PictureCommand {

    private PictureCommand() {}

    /**
     * @param inputOptions  placed before {@code -i}, e.g. a seek ({@code -ss 12.000})
     * @param filters       the {@code -vf} chain
     * @param outputOptions e.g. {@code -frames:v 1 -q:v 3}
     * @param output        the image file, or an image2 pattern
     */
    static List<String> arguments(
            VideoJob job, List<String> inputOptions, String filters, List<String> outputOptions, String output) {
        List<String> arguments = new ArrayList<>(job.tools().input(job.file(), inputOptions.toArray(String[]::new)));
        arguments.addAll(List.of("-an", "-sn", "-dn", "-vf", filters));
        arguments.addAll(outputOptions);
        arguments.addAll(job.tools().threadArguments());
        arguments.add(output);
        return arguments;
    }
}
