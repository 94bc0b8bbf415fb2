package org.ova.site;

import java.nio.file.Path;

/**
 * What one site render did.
 *
 * @param pagesWritten   files (pages, data, assets) whose bytes changed and were written
 * @param pagesUnchanged files that already held the same bytes and were left alone
 * @param filesDeleted   files of an earlier build that are no longer produced
 * @param outputDir      the site folder
 */
public record SiteResult(int pagesWritten, int pagesUnchanged, int filesDeleted, Path outputDir) {}
