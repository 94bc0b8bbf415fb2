package org.ova.site;

/**
 * What every page shows about the whole library: its title and language. Counts are not here but in
 * {@link LibraryStats}, which only the pages that show them get: a page is rendered again whenever
 * its inputs change, and a count on every page would make one new tag re-render the whole site.
 *
 * @param sitePath where the site folder is inside the library (e.g. {@code .ova-repo/site/}, empty when
 *                 it is the library folder itself), or null when it is outside: how to serve both over
 *                 http (the VR page explains it)
 */
public record SiteInfo(String title, String language, String sitePath) {}
