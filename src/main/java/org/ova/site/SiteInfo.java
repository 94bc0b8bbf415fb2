package org.ova.site;

/**
 * What every page shows about the whole library: its title, language and stats.
 *
 * @param sitePath where the site folder is inside the library (e.g. {@code .ova-repo/site/}, empty when
 *                 it is the library folder itself), or null when it is outside: how to serve both over
 *                 http (the VR page explains it)
 */
public record SiteInfo(
        String title,
        String language,
        int videoCount,
        String totalDuration,
        int tagCount,
        int folderCount,
        int playlistCount,
        String sitePath) {}
