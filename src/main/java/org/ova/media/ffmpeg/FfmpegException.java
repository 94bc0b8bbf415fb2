package org.ova.media.ffmpeg;

/**
 * ffmpeg cannot be found, started or understood. The message is one line for the user: what
 * failed and how to fix it (install ffmpeg, a library, or set a key in .ova-repo/config.yaml).
 */
public class FfmpegException extends RuntimeException {

    public FfmpegException(String message) {
        super(message);
    }

    public FfmpegException(String message, Throwable cause) {
        super(message, cause);
    }
}
