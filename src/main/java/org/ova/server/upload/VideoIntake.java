package org.ova.server.upload;

/**
 * How the served library takes in the video file an upload placed into the library, and lets go of the
 * one a cancelled upload deleted; the server's rescan of the library's files does both.
 */
public interface VideoIntake {

    /** For a server that takes no uploads: refuses each. */
    VideoIntake NONE = new VideoIntake() {
        @Override
        public String added(String relativePath) {
            throw new IllegalStateException("this server takes no new videos: " + relativePath + " stays unlisted");
        }

        @Override
        public void removed(String relativePath) {
            throw new IllegalStateException("this server lets go of no videos: " + relativePath + " stays listed");
        }
    };

    /**
     * @return the video's id, once the served library holds {@code relativePath}
     * @throws IllegalArgumentException when the file is not a video the library takes in
     */
    String added(String relativePath);

    /** Drops the video whose file {@code relativePath} was deleted, with its media and processing state. */
    void removed(String relativePath);
}
