package org.ova.media;

import java.nio.file.Path;

/**
 * One video could not be processed. The message is one line that names the file and says why,
 * so a build report can list it as is; the build goes on with the next video.
 */
public class MediaException extends RuntimeException {

    private final Path file;

    public MediaException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public MediaException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The video the problem is about. */
    public Path file() {
        return file;
    }
}
