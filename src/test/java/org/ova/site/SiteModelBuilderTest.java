package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteModelBuilderTest {

    @TempDir
    Path root;

    private SiteModel model() {
        var library = SiteFixture.richLibrary(root, ".ova-repo/site");
        return SiteModelBuilder.build(library, SiteFixture.NOW, new LibraryLinks("../../"));
    }

    private static List<String> titles(List<VideoView> videos) {
        return videos.stream().map(VideoView::title).toList();
    }

    @Test
    void draftsAreLeftOutAndVideosAreNewestFirst() {
        SiteModel model = model();
        assertEquals(
                List.of("Beach <day> & \"fun\" 'too'", "東京の夜", "Old HEVC", "Proxied", "Broken", "Dome"),
                titles(model.videos()));
        assertEquals(new SiteInfo("My <Videos> & more", "en", ".ova-repo/site/"), model.info());
        assertEquals(new LibraryStats(6, "1 h 3 min", 6, 4, 3), model.stats());
    }

    @Test
    void eachSortHasItsOrder() {
        SiteModel model = model();
        assertEquals(
                List.of("Beach <day> & \"fun\" 'too'", "Broken", "Dome", "Old HEVC", "Proxied", "東京の夜"),
                titles(model.sorted().get(SortOrder.TITLE)));
        assertEquals(
                List.of("Old HEVC", "東京の夜", "Dome", "Proxied", "Beach <day> & \"fun\" 'too'", "Broken"),
                titles(model.sorted().get(SortOrder.DURATION)));
        assertEquals(
                List.of("Beach <day> & \"fun\" 'too'", "Dome", "東京の夜", "Proxied", "Broken", "Old HEVC"),
                titles(model.sorted().get(SortOrder.RATING)));
        assertEquals(
                List.of("Beach <day> & \"fun\" 'too'", "Dome", "東京の夜", "Proxied", "Broken"), titles(model.topRated()));
    }

    @Test
    void tagsHaveDistinctSlugsAndTheirVideos() {
        List<String> tags = model().tags().stream()
                .map(t -> t.name() + "=" + t.slug() + "@" + t.url() + "#" + t.count())
                .toList();
        assertEquals(
                List.of(
                        "<b>bold</b>=b-bold-b@tag/b-bold-b.html#1",
                        "cafe=cafe@tag/cafe.html#1",
                        "Café=cafe-2@tag/cafe-2.html#1",
                        "Sea=sea@tag/sea.html#3",
                        "vr=vr@tag/vr.html#1",
                        "日本=日本@tag/%E6%97%A5%E6%9C%AC.html#1"),
                tags);
    }

    @Test
    void foldersFormATreeWithTotals() {
        List<String> folders = model().folders().stream()
                .map(f -> f.depth() + ":" + f.path() + "=" + f.slug() + " "
                        + f.videos().size() + "/" + f.total() + " "
                        + f.children().stream().map(FolderView.FolderLink::name).toList())
                .toList();
        assertEquals(
                List.of(
                        "0:Trips=trips 1/3 [Summer 2024, 日本]",
                        "1:Trips/Summer 2024=trips-summer-2024 1/1 []",
                        "1:Trips/日本=trips-日本 1/1 []",
                        "0:VR=vr 1/1 []"),
                folders);
        assertEquals(List.of("Old HEVC", "Broken"), titles(model().rootVideos()));
    }

    @Test
    void playlistsAreEvaluatedWithoutDraftsOrMissingFiles() {
        List<PlaylistView> playlists = model().playlists();
        PlaylistView sea = playlists.get(0);
        assertEquals("sea-mix", sea.id());
        assertTrue(sea.random());
        assertTrue(sea.smart());
        assertEquals(3, sea.count());
        PlaylistView manual = playlists.get(1);
        assertFalse(manual.random());
        assertEquals("playlist/my%20list.html", manual.url());
        assertEquals(List.of("Old HEVC", "Beach <day> & \"fun\" 'too'"), titles(manual.videos()));
        assertEquals(6, playlists.get(2).count());
    }

    @Test
    void relatedVideosShareTagsFirstThenTheFolder() {
        SiteModel model = model();
        assertEquals(List.of("東京の夜", "Broken"), titles(model.related().get(0)));
        assertEquals(
                List.of("Beach <day> & \"fun\" 'too'", "Broken"),
                titles(model.related().get(1)));
        assertEquals(List.of("Broken"), titles(model.related().get(2)));
    }

    @Test
    void videoViewsCarryPageReadyFacts() {
        SiteModel model = model();
        VideoView beach = model.videos().get(0);
        assertEquals("video/aaaaaaaaaaaaaaa1.html", beach.pageUrl());
        assertEquals("../../.ova-repo/media/aaaaaaaaaaaaaaa1/thumb.jpg", beach.thumbUrl());
        assertEquals("../../.ova-repo/media/aaaaaaaaaaaaaaa1/sprites/", beach.spritesBaseUrl());
        assertEquals("folder/trips-summer-2024.html", beach.folderUrl());
        assertEquals(
                List.of(new ChapterView(0, 2, "Arrival", "0:00"), new ChapterView(2, 5, "Swimming", "0:02")),
                beach.chapters());
        assertEquals(".ova-repo/metadata/Trips/Summer 2024/beach #1.mp4.yaml", beach.metadataFile());
        assertNull(beach.vr());
        VideoView broken = model.videos().get(4);
        assertEquals(SitePaths.PLACEHOLDER, broken.thumbUrl());
        assertEquals("ffmpeg exited with code 1", broken.failure());
        VideoView dome = model.videos().get(5);
        assertEquals(new VrView("180", "sbs", "vr/aaaaaaaaaaaaaaa6.html"), dome.vr());
    }
}
