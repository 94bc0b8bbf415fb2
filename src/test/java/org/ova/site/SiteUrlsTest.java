package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SiteUrlsTest {

    @Test
    void rootPrefixClimbsOneLevelPerFolder() {
        assertEquals("", SiteUrls.rootPrefix("index.html"));
        assertEquals("../", SiteUrls.rootPrefix("video/abc.html"));
        assertEquals("../../", SiteUrls.rootPrefix("sort/title/page-2.html"));
    }

    @Test
    void encodePathEncodesEachSegmentAndKeepsSlashes() {
        assertEquals(
                "Trips/Summer%202024/beach%20%231%3F%22%27.mp4",
                SiteUrls.encodePath("Trips/Summer 2024/beach #1?\"'.mp4"));
        assertEquals("%E6%97%A5%E6%9C%AC/caf%C3%A9.mp4", SiteUrls.encodePath("日本/café.mp4"));
        assertEquals("a%3Ab/100%25%26x.mp4", SiteUrls.encodePath("a:b/100%&x.mp4"));
        assertEquals("../../x(1)_y-z~.mp4", SiteUrls.encodePath("../../x(1)_y-z~.mp4"));
    }

    @Test
    void fromPagePrefixesRelativeAddressesOnly() {
        assertEquals("../../video/a.html", SiteUrls.fromPage("../../", "video/a.html"));
        assertEquals("../../../Trips/a.mp4", SiteUrls.fromPage("../", "../../Trips/a.mp4"));
        assertEquals("file:///media/usb/a.mp4", SiteUrls.fromPage("../", "file:///media/usb/a.mp4"));
        assertTrue(SiteUrls.isAbsolute("https://x"));
        assertFalse(SiteUrls.isAbsolute("a%3Ab.mp4"));
    }

    @Test
    void libraryLinksLeadFromTheDefaultSiteFolderToTheLibraryRoot() {
        LibraryLinks links = LibraryLinks.between(Path.of("/lib/.ova-repo/site"), Path.of("/lib"));
        assertEquals("../../", links.siteToLibrary());
        assertEquals("../../Trips/beach%20%231.mp4", links.file("Trips/beach #1.mp4"));
        assertEquals("../../.ova-repo/media/abc/sprites/", links.folderOf(".ova-repo/media/abc/sprites/sprites.vtt"));
        assertEquals("../../", links.folderOf("top.mp4"));
    }

    @Test
    void libraryLinksWorkForASiteFolderOutsideTheLibrary() {
        assertEquals(
                "../My%20Videos/",
                LibraryLinks.between(Path.of("/srv/site"), Path.of("/srv/My Videos"))
                        .siteToLibrary());
        assertEquals("", LibraryLinks.between(Path.of("/lib"), Path.of("/lib")).siteToLibrary());
        assertEquals(
                "site/",
                LibraryLinks.between(Path.of("/lib/.."), Path.of("/site")).siteToLibrary());
    }
}
