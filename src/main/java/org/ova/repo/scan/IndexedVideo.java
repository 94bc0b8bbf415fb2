package org.ova.repo.scan;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A video of the library with its stable identity, as the processing and site layers get it.
 *
 * @param id             stable across renames and moves, see {@link Fingerprint#videoId()}
 * @param path           relative to the library root, forward slashes
 * @param file           absolute path to open it
 * @param size           bytes
 * @param modifiedMillis last modification time, epoch milliseconds
 * @param added          when ova first saw this content
 */
public record IndexedVideo(String id, String path, Path file, long size, long modifiedMillis, Instant added) {}
