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

    /** The same settings with {@code now} for the server's (as {@code ova serve}'s command line set them). */
    public OvaConfig withServer(ServerOptions now) {
        return new OvaConfig(library, ffmpeg, processing, site, now);
    }
}
