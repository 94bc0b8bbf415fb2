package org.ova.repo.scan;

/**
 * A known video found under a new path because its old one is gone (renamed or moved); it kept
 * its id, its added time and its metadata file.
 */
public record Move(String id, String from, String to) {}
