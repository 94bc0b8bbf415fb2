package org.ova.repo.scan;

import java.nio.file.Path;

/**
 * A video file found by {@link LibraryScanner}, with the facts the directory walk gave for free.
 *
 * @param path           relative to the library root, forward slashes, exactly as named on disk
 * @param file           absolute path to open it (through the links it was found by)
 * @param size           bytes
 * @param modifiedMillis last modification time, epoch milliseconds
 */
public record ScannedFile(String path, Path file, long size, long modifiedMillis) {}
