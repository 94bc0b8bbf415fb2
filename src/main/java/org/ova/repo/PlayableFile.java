package org.ova.repo;

/**
 * The file a browser plays for a video, as processing decided it: the video itself when browsers
 * play it as it is, else its web proxy. The site only reads this decision.
 *
 * @param path     relative to the library root, forward slashes
 * @param mimeType {@code video/mp4} or {@code video/webm}
 */
public record PlayableFile(String path, String mimeType) {}
