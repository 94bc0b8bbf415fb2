package org.ova.media.pipeline;

/**
 * Hears one video's processing while it runs, for a live view (the server's job list): each log line
 * as the console shows it ({@code [INFO] Thumbnail generated for 'x'.}), and each step as it begins.
 * The same lines still reach the console and {@code ova.log} as one block when the video is done.
 * Called from the processing thread: implementations return quickly.
 */
public interface ProcessingListener {

    /** Hears nothing: a build, which prints each video's block when it is done. */
    ProcessingListener NONE = new ProcessingListener() {
        @Override
        public void line(String line) {}

        @Override
        public void step(int number, int total, String name) {}
    };

    /** One line of the video's log, as the console prints it. */
    void line(String line);

    /**
     * Step {@code number} of {@code total} begins.
     *
     * @param name what it makes ("VTTs", "Thumbnail", …), or "Probe" for probing
     */
    void step(int number, int total, String name);
}
