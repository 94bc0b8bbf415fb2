package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePagesTest {

    @TempDir
    Path root;

    @Test
    void everyPageHasItsFileAndTemplate() {
        SiteModel model = SiteModelBuilder.build(
                SiteFixture.richLibrary(root, ".ova-repo/site"), SiteFixture.NOW, new LibraryLinks("../../"));
        List<String> pages = new SitePages(model, path -> null)
                .all().stream().map(page -> page.path() + " " + page.template()).toList();
        assertEquals(
                List.of(
                        "index.html library.peb",
                        "page-2.html library.peb",
                        "page-3.html library.peb",
                        "sort/title/index.html library.peb",
                        "sort/title/page-2.html library.peb",
                        "sort/title/page-3.html library.peb",
                        "sort/duration/index.html library.peb",
                        "sort/duration/page-2.html library.peb",
                        "sort/duration/page-3.html library.peb",
                        "sort/rating/index.html library.peb",
                        "sort/rating/page-2.html library.peb",
                        "sort/rating/page-3.html library.peb",
                        "top-rated.html top-rated.peb",
                        "top-rated/page-2.html top-rated.peb",
                        "top-rated/page-3.html top-rated.peb",
                        "tag/b-bold-b.html tag.peb",
                        "tag/cafe.html tag.peb",
                        "tag/cafe-2.html tag.peb",
                        "tag/sea.html tag.peb",
                        "tag/sea/page-2.html tag.peb",
                        "tag/vr.html tag.peb",
                        "tag/日本.html tag.peb",
                        "folder/trips.html folder.peb",
                        "folder/trips-summer-2024.html folder.peb",
                        "folder/trips-日本.html folder.peb",
                        "folder/vr.html folder.peb",
                        "video/aaaaaaaaaaaaaaa1.html video.peb",
                        "video/aaaaaaaaaaaaaaa2.html video.peb",
                        "video/aaaaaaaaaaaaaaa3.html video.peb",
                        "video/aaaaaaaaaaaaaaa4.html video.peb",
                        "video/aaaaaaaaaaaaaaa5.html video.peb",
                        "video/aaaaaaaaaaaaaaa6.html video.peb",
                        "vr/aaaaaaaaaaaaaaa6.html vr.peb",
                        "tags.html tags.peb",
                        "folders.html folders.peb",
                        "playlists.html playlists.peb",
                        "playlist/sea-mix.html playlist.peb",
                        "playlist/my list.html playlist.peb",
                        "playlist/everything.html playlist.peb",
                        "search.html search.peb",
                        "upload.html upload.peb",
                        "processing.html processing.peb",
                        "404.html 404.peb"),
                pages);
    }

    @Test
    void pagersShowNearbyPagesAndGaps() {
        Pager pager = Pager.of(6, 10, n -> "tag/x" + (n == 1 ? ".html" : "/page-" + n + ".html"));
        assertEquals("tag/x/page-5.html", pager.prevUrl());
        assertEquals("tag/x/page-7.html", pager.nextUrl());
        assertEquals(
                "1 … 4 5 [6] 7 8 … 10",
                String.join(
                        " ",
                        pager.links().stream()
                                .map(l ->
                                        l.url() == null ? "…" : l.current() ? "[" + l.number() + "]" : "" + l.number())
                                .toList()));
        assertEquals(List.of(), Pager.slice(List.of(1, 2, 3), 3, 2));
        assertEquals(List.of(3), Pager.slice(List.of(1, 2, 3), 2, 2));
        assertEquals(1, Pager.pages(0, 60));
        assertEquals(2, Pager.pages(61, 60));
    }
}
