package org.ova.repo.scan;

/**
 * A file whose content is identical to a video listed under another path; it is reported, not
 * processed again.
 *
 * @param path        the duplicate, relative to the library root
 * @param duplicateOf the path under which the video is listed
 * @param id          the shared video id
 */
public record Duplicate(String path, String duplicateOf, String id) {}
