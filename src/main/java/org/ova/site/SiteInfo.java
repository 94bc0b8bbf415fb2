package org.ova.site;

/** What every page shows about the whole library: its title, language and stats. */
public record SiteInfo(String title, String language, int videoCount, String totalDuration, int tagCount,
                       int folderCount, int playlistCount) {
}
