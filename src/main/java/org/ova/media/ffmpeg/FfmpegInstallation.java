package org.ova.media.ffmpeg;

import java.nio.file.Path;

/**
 * The ffmpeg and ffprobe executables ova will run, and why these ones: {@code ova doctor} prints
 * {@link #why()} so a person can see which of the configured, {@code PATH} or bundled builds won.
 *
 * @param ffmpeg the ffmpeg executable (absolute)
 * @param ffprobe the ffprobe executable (absolute)
 * @param source where ffmpeg came from
 * @param why one line: where it was found, e.g. "found on PATH: /usr/bin/ffmpeg"
 */
public record FfmpegInstallation(Path ffmpeg, Path ffprobe, Source source, String why) {

    /** Where the executables were found, in the order they are looked for. */
    public enum Source {
        /** {@code ffmpeg.path} / {@code ffmpeg.ffprobePath} in .ova-repo/config.yaml */
        CONFIGURED,
        /** the {@code PATH} environment variable */
        PATH,
        /** the build shipped in the {@code org.bytedeco:ffmpeg} jar, extracted to the user's cache */
        BUNDLED
    }
}
