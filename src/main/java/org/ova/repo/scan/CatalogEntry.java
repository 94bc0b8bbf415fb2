package org.ova.repo.scan;

import java.time.Instant;

/**
 * What ova remembers about one video between builds: which content (fingerprint, hence id) was
 * last seen at which path with which size and modification time, and when it first appeared.
 *
 * @param id             the video id, the first 16 hex characters of {@code fingerprint}
 * @param path           relative to the library root, forward slashes
 * @param size           bytes, when fingerprinted
 * @param modifiedMillis modification time when fingerprinted, epoch milliseconds
 * @param fingerprint    content fingerprint, 64 hex characters
 * @param added          when ova first saw this content
 */
public record CatalogEntry(String id, String path, long size, long modifiedMillis, String fingerprint, Instant added) {
}
