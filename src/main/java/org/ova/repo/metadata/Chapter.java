package org.ova.repo.metadata;

/**
 * A named section of a video, from {@code start} seconds to the next chapter (or the end).
 */
public record Chapter(double start, String title) {}
