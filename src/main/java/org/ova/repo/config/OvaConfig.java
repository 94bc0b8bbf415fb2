package org.ova.repo.config;

/**
 * A library's settings from {@code .ova-repo/config.yaml}, decoded and checked once so the rest of
 * ova reads typed values and never a map of strings. Every option has a default; see
 * {@link ConfigSchema} for the keys, defaults and allowed values.
 */
public record OvaConfig(
        LibraryOptions library,
        FfmpegOptions ffmpeg,
        ProcessingOptions processing,
        SiteOptions site,
        ServerOptions server) {

    /** The settings of a library whose config file is missing or empty. */
    public static OvaConfig defaults() {
        return ConfigSchema.defaults();
    }
}
