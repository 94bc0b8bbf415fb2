package org.ova.media.pipeline;

/**
 * What a step left in place for a video.
 *
 * @param key  the options and inputs it was made with; when they change, the step runs again
 * @param file the file the site links to, inside the step's folder (e.g. {@code preview.mp4})
 */
public record StepOutput(String key, String file) {}
