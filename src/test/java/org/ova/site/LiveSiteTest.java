package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.VideoMetadata;

class LiveSiteTest {

    @TempDir
    Path root;

    private static Library edit(Library library, int index, UnaryOperator<VideoMetadata> change) {
        List<LibraryVideo> videos = new ArrayList<>(library.videos());
        videos.set(
                index,
                videos.get(index).withMetadata(change.apply(videos.get(index).metadata())));
        return new Library(library.layout(), library.config(), videos, library.playlists(), library.duplicates());
    }

    private static VideoMetadata with(VideoMetadata m, String title, List<String> tags, int rating, boolean draft) {
        return new VideoMetadata(title, m.description(), tags, rating, m.chapters(), m.markers(), m.vr(), draft);
    }

    /** A full render from scratch writes nothing new into the refreshed site and wants no other files. */
    private static void assertSameAsFullRender(Library library) throws Exception {
        Path site = library.config().site().outputDir(library.layout());
        List<String> files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(Files::isRegularFile)
                    .map(f -> site.relativize(f).toString())
                    .sorted()
                    .toList();
        }
        Files.delete(library.layout().machineDir().resolve("site-files.json"));
        SiteResult full = SiteBuilder.build(library, SiteFixture.NOW, true);
        assertEquals(0, full.pagesWritten(), "pages the refresh left different from a full render");
        assertEquals(
                files,
                SiteManifest.of(library.layout(), site).read().orElseThrow().files().stream()
                        .sorted()
                        .toList());
    }

    @Test
    void aRefreshAfterEachEditLeavesTheSiteAFullRenderWouldWrite() throws Exception {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        LiveSite live = new LiveSite(new SiteBuilder(library.layout(), "default"));
        SiteResult first = live.refresh(library, SiteFixture.NOW);
        assertTrue(first.pagesWritten() > 10, first.toString());
        List<UnaryOperator<VideoMetadata>> edits = List.of(
                m -> with(m, "Renamed", m.tags(), m.rating(), m.draft()),
                m -> with(m, m.title(), List.of("brand new tag"), m.rating(), m.draft()),
                m -> with(m, m.title(), m.tags(), m.rating() == 5 ? 1 : 5, m.draft()),
                m -> with(m, m.title(), m.tags(), m.rating(), true));
        for (int e = 0; e < edits.size(); e++) {
            library = edit(library, e % library.videos().size(), edits.get(e));
            SiteResult result = live.refresh(library, SiteFixture.NOW);
            assertTrue(result.pagesWritten() > 0, "edit " + e + ": " + result);
            // a new live site after the check: the check's full render replaced the manifest
            assertSameAsFullRender(library);
            live = new LiveSite(new SiteBuilder(library.layout(), "default"));
            live.refresh(library, SiteFixture.NOW);
        }
    }

    @Test
    void aRatingChangeRendersFarFewerPagesThanTheSiteHas() {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        LiveSite live = new LiveSite(new SiteBuilder(library.layout(), "default"));
        SiteResult first = live.refresh(library, SiteFixture.NOW);
        Library edited = edit(library, 0, m -> with(m, m.title(), m.tags(), m.rating() == 5 ? 4 : 5, m.draft()));
        SiteResult second = live.refresh(edited, SiteFixture.NOW);
        assertTrue(second.pagesUnchanged() > second.pagesWritten(), first + " then " + second);
    }

    @Test
    void aNewTagOrADraftLeavesThePagesThatDoNotShowThemUntouched() throws Exception {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        Path site = library.config().site().outputDir(library.layout());
        LiveSite live = new LiveSite(new SiteBuilder(library.layout(), "default"));
        live.refresh(library, SiteFixture.NOW);
        List<String> elsewhere = List.of("404.html", "search.html");
        List<FileTime> before = modified(site, elsewhere);

        library = edit(library, 0, m -> with(m, m.title(), List.of("brand new tag"), m.rating(), m.draft()));
        SiteResult tagged = live.refresh(library, SiteFixture.NOW);
        library = edit(library, 1, m -> with(m, m.title(), m.tags(), m.rating(), true));
        SiteResult drafted = live.refresh(library, SiteFixture.NOW);

        // the counts of videos and tags are on the library's first pages only, not in every page's footer
        assertEquals(before, modified(site, elsewhere), tagged + " then " + drafted);
        assertTrue(Files.readString(site.resolve("tags.html")).contains("brand new tag"));
        assertSameAsFullRender(library);
    }

    private static List<FileTime> modified(Path site, List<String> pages) throws IOException {
        List<FileTime> times = new ArrayList<>();
        for (String page : pages) {
            times.add(Files.getLastModifiedTime(site.resolve(page)));
        }
        return times;
    }

    @Test
    void editsLeaveTheSiteInputsUnknownUntilCloseWritesThemDown() {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        Path site = library.config().site().outputDir(library.layout());
        LiveSite live = new LiveSite(new SiteBuilder(library.layout(), "default"));
        live.refresh(library, SiteFixture.NOW);
        library = edit(library, 0, m -> with(m, "Renamed", m.tags(), m.rating(), m.draft()));
        live.refresh(library, SiteFixture.NOW);
        SiteManifest manifest = SiteManifest.of(library.layout(), site);
        // a crash now: the next build must render, not take the site for up to date
        assertEquals(SiteFingerprint.UNKNOWN, manifest.read().orElseThrow().inputs());

        live.close();

        String expected = SiteFingerprint.of(
                library,
                SiteFixture.NOW,
                ThemeFiles.stamp("default", SiteBuilder.themeDir(library.layout())),
                LibraryLinks.between(site, library.layout().root()).fingerprint());
        assertEquals(expected, manifest.read().orElseThrow().inputs());
    }
}
