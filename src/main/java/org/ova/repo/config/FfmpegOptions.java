package org.ova.repo.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the ffmpeg and ffprobe binaries are. An empty path means "look on PATH, then use the
 * bundled build", which {@code org.ova.media} resolves.
 *
 * @param path        the ffmpeg binary, or empty
 * @param ffprobePath the ffprobe binary, or empty
 */
public record FfmpegOptions(String path, String ffprobePath) {

    /** The configured ffmpeg binary, absent when ova should search for one. */
    public Optional<Path> ffmpegBinary() {
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    /** The configured ffprobe binary, absent when ova should search for one. */
    public Optional<Path> ffprobeBinary() {
        return ffprobePath.isBlank() ? Optional.empty() : Optional.of(Path.of(ffprobePath));
    }
}
