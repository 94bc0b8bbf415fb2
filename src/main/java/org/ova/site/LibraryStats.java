package org.ova.site;

/**
 * The library's counts, shown on the first page of each library order (template variable
 * {@code stats}); the other pages do not carry them, so that they stay the same when a count changes.
 */
public record LibraryStats(int videoCount, String totalDuration, int tagCount, int folderCount, int playlistCount) {}
