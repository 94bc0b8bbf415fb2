package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.AtomicFiles;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.VideoMetadata;

class SiteRenderTest {

    @TempDir
    Path root;

    private Path site() {
        return root.resolve(".ova-repo/site");
    }

    private SiteResult render() {
        return SiteBuilder.build(SiteFixture.richLibrary(root, ".ova-repo/site"), SiteFixture.NOW);
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(site().resolve(path).toFile(), "UTF-8");
    }

    @Test
    void everyPageKindRendersWithItsDataPage() throws IOException {
        render();
        Map<String, String> kinds = Map.ofEntries(
                Map.entry("index.html", "library"),
                Map.entry("page-3.html", "library"),
                Map.entry("sort/title/index.html", "library"),
                Map.entry("sort/duration/page-2.html", "library"),
                Map.entry("sort/rating/index.html", "library"),
                Map.entry("video/aaaaaaaaaaaaaaa1.html", "video"),
                Map.entry("vr/aaaaaaaaaaaaaaa6.html", "vr"),
                Map.entry("tags.html", "tags"),
                Map.entry("tag/sea.html", "tag"),
                Map.entry("tag/sea/page-2.html", "tag"),
                Map.entry("tag/日本.html", "tag"),
                Map.entry("top-rated.html", "top"),
                Map.entry("top-rated/page-3.html", "top"),
                Map.entry("folders.html", "folders"),
                Map.entry("folder/trips-日本.html", "folder"),
                Map.entry("playlists.html", "playlists"),
                Map.entry("playlist/my list.html", "playlist"),
                Map.entry("search.html", "search"),
                Map.entry("upload.html", "upload"),
                Map.entry("processing.html", "processing"),
                Map.entry("404.html", "404"));
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            Element body = page(kind.getKey()).body();
            assertEquals(kind.getValue(), body.attr("data-page"), kind.getKey());
            assertEquals(SiteUrls.rootPrefix(kind.getKey()), body.attr("data-root"), kind.getKey());
            assertNotNull(page(kind.getKey()).selectFirst("header.site-header form.search-box input[name=q]"));
        }
        for (String file : List.of(
                "data/library.js",
                "data/search.js",
                "data/playlists.js",
                "assets/ova.css",
                "assets/placeholder.svg",
                "assets/vendor/plyr/plyr.min.js",
                "assets/vendor/aframe/LICENSE")) {
            assertTrue(Files.isRegularFile(site().resolve(file)), file);
        }
        assertEquals("en", page("index.html").selectFirst("html").attr("lang"));
    }

    @Test
    void libraryPagesArePagedCardLists() throws IOException {
        render();
        Document index = page("index.html");
        assertEquals("library:added:1", index.selectFirst("ul.cards").attr("data-list"));
        assertEquals(2, index.select("ul.cards > li > a.card").size());
        Element card = index.selectFirst("a.card");
        assertEquals("video/aaaaaaaaaaaaaaa1.html", card.attr("href"));
        assertEquals("../../.ova-repo/media/aaaaaaaaaaaaaaa1/preview.mp4", card.attr("data-preview"));
        assertEquals("0:05", card.selectFirst(".duration").text());
        assertEquals("★★★★★", card.selectFirst(".rating").text());
        assertEquals("page-2.html", index.selectFirst("nav.pager a.next").attr("href"));
        assertEquals(
                "6 videos · 1 h 3 min · 6 tags",
                index.selectFirst(".list-head .count").text());
        // later pages leave the counts out, so they stay the same when a count changes
        assertEquals(
                "Page 2 of 3",
                page("page-2.html").selectFirst(".list-head .count").text());
        assertEquals("library", index.selectFirst(".random-button").attr("data-random-scope"));
        assertEquals(
                "tag:sea", page("tag/sea.html").selectFirst(".random-button").attr("data-random-scope"));
        assertNotNull(index.selectFirst("main[data-scroll-key]"));
    }

    @Test
    void titlesAndTagsAreEscapedEverywhere() throws IOException {
        render();
        String html = Files.readString(site().resolve("video/aaaaaaaaaaaaaaa1.html"));
        assertFalse(html.contains("<b>bold</b>"));
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"));
        Document video = page("video/aaaaaaaaaaaaaaa1.html");
        assertEquals(
                "Beach <day> & \"fun\" 'too'",
                video.selectFirst("h1.video-title").text());
        assertEquals("Beach <day> & \"fun\" 'too' · My <Videos> & more", video.title());
        assertEquals(
                List.of("Sea", "<b>bold</b>", "Café"),
                video.select("ul.tag-list a.tag").eachText());
        assertEquals(
                List.of("../tag/sea.html", "../tag/b-bold-b.html", "../tag/cafe-2.html"),
                video.select("ul.tag-list a.tag").eachAttr("href"));
        String data = video.selectFirst("script#ova-video-data").data();
        assertFalse(data.contains("</"));
        assertTrue(data.startsWith("{\"id\":\"aaaaaaaaaaaaaaa1\",\"title\":\"Beach \\u003cday> & \\\"fun\\\" 'too'\""));
        assertEquals(
                "東京の夜", page("video/aaaaaaaaaaaaaaa2.html").selectFirst("h1").text());
        assertEquals(
                "../tag/%E6%97%A5%E6%9C%AC.html",
                page("video/aaaaaaaaaaaaaaa2.html")
                        .select("ul.tag-list a.tag")
                        .get(1)
                        .attr("href"));
    }

    @Test
    void videoPageHasPlayerChaptersMarkersAndFacts() throws IOException {
        render();
        Document video = page("video/aaaaaaaaaaaaaaa1.html");
        Element player = video.selectFirst("video#ova-player");
        assertEquals("aaaaaaaaaaaaaaa1", player.attr("data-video-id"));
        assertEquals("../../../.ova-repo/media/aaaaaaaaaaaaaaa1/thumb.jpg", player.attr("poster"));
        assertEquals(
                "../../../Trips/Summer%202024/beach%20%231.mp4",
                player.selectFirst("source").attr("src"));
        assertEquals("video/mp4", player.selectFirst("source").attr("type"));
        assertEquals(List.of("2"), video.select("ol.chapters a[data-seek=2]").eachAttr("data-seek"));
        assertEquals("#t=1.5", video.selectFirst("ul.markers a").attr("href"));
        assertNotNull(video.selectFirst("button.add-marker"));
        assertNotNull(video.selectFirst("div.marker-snippet[hidden] pre"));
        assertNotNull(video.selectFirst("script[src=../assets/plyr-icons.js]"));
        assertEquals(
                "Duration 0:05 Resolution 1920×1080 Codec h264 / aac Size 1.2 MB Added 2026-01-10 "
                        + "File Trips/Summer 2024/beach #1.mp4",
                video.selectFirst("dl.facts").text());
        assertEquals(
                "../video/aaaaaaaaaaaaaaa2.html",
                video.selectFirst(".prev-next a.next").attr("href"));
        assertEquals(
                List.of("東京の夜", "Broken"),
                video.select(".related a.card .title").eachText());
    }

    @Test
    void anUnplayableVideoSaysSoInsteadOfThePlayer() throws IOException {
        render();
        Document video = page("video/aaaaaaaaaaaaaaa3.html");
        assertNull(video.selectFirst("video#ova-player"));
        assertTrue(video.selectFirst(".not-playable").text().startsWith("Browsers cannot play this video (HEVC"));
        assertNotNull(video.selectFirst(".not-playable a[download]"), "visitors can still download it");
        assertTrue(video.selectFirst("script#ova-video-data").data().contains("\"playable\":false"));
        assertFalse(video.selectFirst(".not-playable").text().contains("webProxy"), "owner advice is not for visitors");
        assertTrue(
                video.selectFirst("details.owner-details:not([open]) p").text().contains("processing.webProxy"));
        assertNull(video.selectFirst("button.add-marker"), "no marker can be added without a player");
        assertNull(video.selectFirst("[data-seek]"), "no seek links without a player");
        Document proxied = page("video/aaaaaaaaaaaaaaa4.html");
        assertEquals(
                "../../../.ova-repo/media/aaaaaaaaaaaaaaa4/proxy.mp4",
                proxied.selectFirst("video#ova-player source").attr("src"));
    }

    @Test
    void failedVideosShowThePlaceholder() throws IOException {
        render();
        Element card = page("page-3.html").selectFirst("a.card[data-id=aaaaaaaaaaaaaaa5]");
        assertEquals("assets/placeholder.svg", card.selectFirst("img.thumb").attr("src"));
        assertEquals("", card.attr("data-preview"));
        assertNull(card.selectFirst(".duration"), "an unprobed video has no duration to show");
        Document broken = page("video/aaaaaaaaaaaaaaa5.html");
        assertNull(broken.selectFirst("video"), "a file nothing could read gets no player");
        assertEquals(
                "This file could not be read.",
                broken.selectFirst(".not-playable.unreadable p").text());
        assertNull(broken.selectFirst(".not-playable a[download]"));
        assertNull(broken.selectFirst(".not-playable img"), "no placeholder whose play symbol does not play");
        assertEquals(
                "Details for the library owner",
                broken.selectFirst("details.owner-details summary").text());
        assertTrue(broken.selectFirst("details.owner-details p")
                .text()
                .startsWith("ffmpeg exited with code 1. Check that"));
        assertNull(broken.selectFirst("button.add-marker"));
    }

    @Test
    void vrPageHasASceneTheVideoAndTheFileNote() throws IOException {
        render();
        Document vr = page("vr/aaaaaaaaaaaaaaa6.html");
        Element video = vr.selectFirst("a-scene a-assets video#vr-video");
        assertEquals(
                "../../../VR/dome_180_sbs.mp4",
                video.attr("data-src"),
                "vr.js sets src only when served: file:// would refuse it");
        assertEquals("sbs", vr.selectFirst("a-scene").attr("data-stereo"));
        assertEquals("180", vr.selectFirst("[data-vr-sphere]").attr("data-projection"));
        String note = vr.selectFirst(".vr-note").text();
        assertTrue(
                note.contains("ova serve")
                        && note.contains("any web server that answers byte-range requests from the library folder,"
                                + " and open .ova-repo/site/vr/aaaaaaaaaaaaaaa6.html there")
                        && note.contains("python3 -m http.server does not"),
                note);
        assertEquals(
                "../vr/aaaaaaaaaaaaaaa6.html",
                page("video/aaaaaaaaaaaaaaa6.html").selectFirst("a.vr-link").attr("href"));
    }

    @Test
    void playlistPagesLinkVideosInsideTheList() throws IOException {
        render();
        Document playlist = page("playlist/sea-mix.html");
        assertEquals("true", playlist.selectFirst(".playlist-controls").attr("data-random"));
        assertEquals("playlist:sea-mix", playlist.selectFirst(".random-button").attr("data-random-scope"));
        assertEquals(
                "../video/aaaaaaaaaaaaaaa1.html?list=sea-mix&i=0",
                playlist.selectFirst("a.card").attr("href"));
        String data = Files.readString(site().resolve("data/playlists.js"));
        assertTrue(
                data.startsWith("window.OVA_PLAYLISTS = {\"sea-mix\":{\"title\":\"Sea \\u003cmix>\",\"random\":true,"
                        + "\"videos\":[\"video/aaaaaaaaaaaaaaa1.html\","),
                data);
    }

    @Test
    void draftsAppearNowhere() throws IOException {
        render();
        try (Stream<Path> files = Files.walk(site())) {
            for (Path file : (Iterable<Path>) files.filter(p ->
                    p.toString().matches(".*\\.(html|js)$") && !p.toString().contains("vendor"))::iterator) {
                String text = Files.readString(file);
                assertFalse(text.contains("Secret draft") || text.contains("aaaaaaaaaaaaaaa7"), file.toString());
            }
        }
        assertFalse(Files.exists(site().resolve("tag/secret.html")));
    }

    @Test
    void everyRelativeLinkLeadsToAFile() {
        render();
        LinkChecker.Result result = LinkChecker.check(site());
        assertEquals(List.of(), result.broken());
        assertTrue(result.checked() > 500, "checked " + result.checked());
    }

    @Test
    void linksWorkFromASiteFolderOutsideTheLibrary() throws IOException {
        Path library = root.resolve("My Videos");
        SiteBuilder.build(SiteFixture.richLibrary(library, "../public site"), SiteFixture.NOW);
        Path site = root.resolve("public site");
        assertEquals(List.of(), LinkChecker.check(site).broken());
        Document video = Jsoup.parse(site.resolve("video/aaaaaaaaaaaaaaa1.html").toFile(), "UTF-8");
        assertEquals(
                "../../My%20Videos/Trips/Summer%202024/beach%20%231.mp4",
                video.selectFirst("source").attr("src"));
        String note = Jsoup.parse(site.resolve("vr/aaaaaaaaaaaaaaa6.html").toFile(), "UTF-8")
                .selectFirst(".vr-note")
                .text();
        assertTrue(note.contains("from a folder that holds both the site and the library"), note);
    }

    @Test
    void aSecondRenderWritesNothing() {
        SiteResult first = render();
        assertTrue(first.pagesWritten() > 40, first.toString());
        SiteResult second = render();
        assertEquals(new SiteResult(0, first.pagesWritten() + first.pagesUnchanged(), 0, site()), second);
    }

    @Test
    void aDeletedSiteFileIsWrittenAgainByTheNextRender() throws IOException {
        SiteResult first = render();
        Files.delete(site().resolve("tags.html"));
        SiteResult second = render();
        assertEquals(1, second.pagesWritten());
        assertEquals(first.pagesWritten() - 1, second.pagesUnchanged());
        assertTrue(Files.isRegularFile(site().resolve("tags.html")));
    }

    @Test
    void aChangedSpriteFileIsRenderedAgain() throws IOException {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        SiteBuilder.build(library, SiteFixture.NOW);
        Files.writeString(root.resolve(".ova-repo/media/aaaaaaaaaaaaaaa1/sprites/sprites.vtt"), "WEBVTT\n\nnew cues\n");
        SiteResult second = SiteBuilder.build(library, SiteFixture.NOW);
        assertEquals(1, second.pagesWritten());
        assertTrue(
                Files.readString(site().resolve("video/aaaaaaaaaaaaaaa1.html")).contains("new cues"));
    }

    @Test
    void aKeptBuilderShowsNewLibraryFactsInTheCachedHeaderAndTheCounts() throws IOException {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        SiteBuilder builder = new SiteBuilder(library.layout(), "default");
        builder.render(library, SiteFixture.NOW);
        Library renamed = new Library(
                library.layout(),
                SiteFixture.config("Renamed", 2, ".ova-repo/site"),
                library.videos().subList(1, library.videos().size()),
                library.playlists(),
                List.of());
        builder.render(renamed, SiteFixture.NOW);
        Document video = page("video/aaaaaaaaaaaaaaa2.html");
        assertEquals("Renamed", video.selectFirst("header .site-title").text());
        String counts = page("index.html").selectFirst(".list-head .count").text();
        assertTrue(counts.startsWith((library.videos().size() - 2) + " videos"), counts);
    }

    @Test
    void removingAVideoDeletesItsPagesAndNothingElse() throws IOException {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        SiteBuilder.build(library, SiteFixture.NOW);
        Files.writeString(site().resolve("notes.txt"), "mine");
        Library without = new Library(
                library.layout(),
                library.config(),
                library.videos().stream()
                        .filter(v -> !v.id().equals("aaaaaaaaaaaaaaa6"))
                        .toList(),
                library.playlists(),
                List.of());
        SiteResult result = SiteBuilder.build(without, SiteFixture.NOW);
        assertFalse(Files.exists(site().resolve("video/aaaaaaaaaaaaaaa6.html")));
        assertFalse(Files.exists(site().resolve("vr")));
        assertFalse(Files.exists(site().resolve("tag/vr.html")));
        assertFalse(Files.exists(site().resolve("folder/vr.html")));
        assertTrue(result.filesDeleted() >= 4, result.toString());
        assertEquals("mine", Files.readString(site().resolve("notes.txt")));
        assertEquals(List.of(), LinkChecker.check(site()).broken());
    }

    @Test
    void aLibraryTemplateOrAssetOverridesTheBundledOne() throws IOException {
        SiteFixture.touch(
                root.resolve(".ova-repo/theme/templates/partials/footer.peb"),
                "<footer class=\"mine\">{{ site.title }} clips</footer>\n");
        SiteFixture.touch(root.resolve(".ova-repo/theme/assets/ova.css"), "body{color:red}");
        render();
        assertEquals(
                "My <Videos> & more clips",
                page("index.html").selectFirst("footer.mine").text());
        assertEquals("body{color:red}", Files.readString(site().resolve("assets/ova.css")));
        assertTrue(Files.isRegularFile(site().resolve("assets/placeholder.svg")));
    }

    @Test
    void anUnknownThemeSaysHowToFixIt() {
        SiteException error =
                assertThrows(SiteException.class, () -> new SiteBuilder(new LibraryLayout(root), "fancy"));
        assertEquals(
                "theme 'fancy' is not bundled with ova; set site.theme to default in .ova-repo/config.yaml",
                error.getMessage());
    }

    @Test
    void everyBrokenTemplateIsReportedWithItsLineAndThePreviousSiteStays() throws IOException {
        render();
        String tags = Files.readString(site().resolve("tags.html"));
        SiteFixture.touch(
                root.resolve(".ova-repo/theme/templates/tags.peb"),
                "{% extends \"layout.peb\" %}\n{% block content %}\n<p>{{ tagz }}</p>\n{% endblock %}\n");
        SiteFixture.touch(
                root.resolve(".ova-repo/theme/templates/partials/card.peb"),
                "<a class=\"card\">\n{{ video.title }}\n{{ video.nope }}</a>\n");
        SiteFixture.touch(root.resolve(".ova-repo/theme/templates/search.peb"), "{% if %}\n");
        SiteException error = assertThrows(SiteException.class, this::render);
        List<String> lines = error.getMessage().lines().toList();
        assertEquals("3 failures rendering the site:", lines.get(0), error.getMessage());
        assertTrue(
                lines.get(1).startsWith("  partials/card.peb:3: ")
                        && lines.get(1).contains("nope")
                        && lines.get(1).endsWith(" more pages)"),
                lines.get(1));
        assertTrue(
                lines.get(2).startsWith("  search.peb:1: ") && lines.get(2).endsWith(" (rendering search.html)"),
                lines.get(2));
        assertTrue(
                lines.get(3).startsWith("  tags.peb:3: ")
                        && lines.get(3).contains("tagz")
                        && lines.get(3).endsWith(" (rendering tags.html)"),
                lines.get(3));
        assertEquals(
                "fix the templates named (a library's own templates are in .ova-repo/theme/templates/)", lines.get(4));
        assertEquals(5, lines.size(), error.getMessage());
        assertEquals(tags, Files.readString(site().resolve("tags.html")), "the last good site stays");
        try (Stream<Path> files = Files.walk(site())) {
            assertEquals(List.of(), files.filter(AtomicFiles::isTempFile).toList());
        }
    }

    @Test
    void aSiteFolderWithSomeoneElsesFilesIsRefusedUnlessForced() throws IOException {
        SiteFixture.touch(site().resolve("index.html"), "someone's page");
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        SiteException error = assertThrows(SiteException.class, () -> SiteBuilder.build(library, SiteFixture.NOW));
        assertEquals(
                site() + " is not empty and was not made by ova: choose another site.output or run with --force",
                error.getMessage());
        assertEquals("someone's page", Files.readString(site().resolve("index.html")));
        SiteBuilder.build(library, SiteFixture.NOW, true);
        assertEquals("library", page("index.html").body().attr("data-page"));
        assertEquals(0, render().pagesWritten(), "ova's folder now: no --force needed");
    }

    @Test
    void theFileListIsKeptInTheMachineFolderNotInThePublishedSite() throws IOException {
        Path library = root.resolve("lib");
        SiteBuilder.build(SiteFixture.richLibrary(library, "../public"), SiteFixture.NOW);
        String manifest = Files.readString(library.resolve(".ova-repo/machine/site-files.json"));
        assertTrue(manifest.startsWith("{\"version\":1,\"sites\":{\"../public\":{\"inputs\":\""), manifest);
        assertTrue(manifest.contains("\"video/aaaaaaaaaaaaaaa1.html\""), manifest);
        try (Stream<Path> files = Files.walk(root.resolve("public"))) {
            assertEquals(
                    List.of(),
                    files.filter(file -> file.getFileName().toString().startsWith("."))
                            .toList());
        }
    }

    @Test
    void anEmptyTopRatedPageSaysHowToRateVideos() throws IOException {
        Library rated = SiteFixture.richLibrary(root, ".ova-repo/site");
        List<LibraryVideo> unrated = rated.videos().stream()
                .map(video -> {
                    VideoMetadata m = video.metadata();
                    VideoMetadata none = new VideoMetadata(
                            m.title(), m.description(), m.tags(), 0, m.chapters(), m.markers(), m.vr(), m.draft());
                    return SiteFixture.video(
                            video.id(), video.path(), 5, none, video.media(), video.generated(), video.vr());
                })
                .toList();
        SiteBuilder.build(
                new Library(rated.layout(), rated.config(), unrated, rated.playlists(), List.of()), SiteFixture.NOW);
        String empty = page("top-rated.html").selectFirst("p.empty").text();
        assertTrue(empty.contains("rating: 4") && empty.contains("ova serve"), empty);
    }

    @Test
    void everyFileAndFolderOfTheSiteIsWorldReadable() throws IOException {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        SiteBuilder.build(library, SiteFixture.NOW);
        Files.writeString(root.resolve(".ova-repo/media/aaaaaaaaaaaaaaa1/sprites/sprites.vtt"), "WEBVTT\n\nnew\n");
        assertEquals(1, SiteBuilder.build(library, SiteFixture.NOW).pagesWritten(), "a page rewritten after an edit");
        try (Stream<Path> files = Files.walk(site())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Set<PosixFilePermission> modes = Files.getPosixFilePermissions(file);
                assertTrue(modes.contains(PosixFilePermission.OTHERS_READ), file + " " + modes);
                assertTrue(
                        !Files.isDirectory(file) || modes.contains(PosixFilePermission.OTHERS_EXECUTE),
                        file.toString());
            }
        }
        assertTrue(Files.getPosixFilePermissions(root.resolve(".ova-repo/machine/site-files.json"))
                .contains(PosixFilePermission.OTHERS_READ));
    }

    @Test
    void aPageOverTheSizeLimitIsRefusedAndTheSiteKeptAsItWas() throws IOException {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        SiteBuilder.build(library, SiteFixture.NOW);
        byte[] before = Files.readAllBytes(site().resolve("video/aaaaaaaaaaaaaaa5.html"));
        List<LibraryVideo> videos = library.videos().stream()
                .map(video -> !video.id().equals("aaaaaaaaaaaaaaa5")
                        ? video
                        : SiteFixture.video(
                                video.id(),
                                video.path(),
                                5,
                                withDescription(video.metadata(), "x".repeat(PageSize.MAX_CHARS)),
                                video.media(),
                                video.generated(),
                                video.vr()))
                .toList();

        SiteException refused = assertThrows(
                SiteException.class,
                () -> SiteBuilder.build(
                        new Library(library.layout(), library.config(), videos, library.playlists(), List.of()),
                        SiteFixture.NOW));

        assertTrue(
                refused.getMessage().startsWith("video/aaaaaaaaaaaaaaa5.html would be 8 MB, over the 8 MB"),
                refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(site().resolve("video/aaaaaaaaaaaaaaa5.html")));
    }

    private static VideoMetadata withDescription(VideoMetadata metadata, String description) {
        return new VideoMetadata(
                metadata.title(),
                description,
                metadata.tags(),
                metadata.rating(),
                metadata.chapters(),
                metadata.markers(),
                metadata.vr(),
                metadata.draft());
    }

    @Test
    void aFailureMessageShowsLibraryPathsNotWhereTheLibraryLives() throws IOException {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        GeneratedMedia failed = new GeneratedMedia(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("not a video: " + root.resolve("clips/empty.mp4") + " is empty (0 bytes); staging in "
                        + root.resolve(".ova-repo/staging/x") + " of " + root),
                Optional.empty());
        List<LibraryVideo> videos = library.videos().stream()
                .map(video -> !video.id().equals("aaaaaaaaaaaaaaa5")
                        ? video
                        : SiteFixture.video(
                                video.id(), video.path(), 5, video.metadata(), video.media(), failed, video.vr()))
                .toList();
        SiteBuilder.build(
                new Library(library.layout(), library.config(), videos, library.playlists(), List.of()),
                SiteFixture.NOW);
        assertTrue(page("video/aaaaaaaaaaaaaaa5.html")
                .selectFirst(".owner-details p")
                .text()
                .startsWith("not a video: clips/empty.mp4 is empty (0 bytes); staging in .ova-repo/staging/x of .."));
    }

    @Test
    void pagesAreAsciiThoughTemplatesAndTitlesAreNot() throws IOException {
        render();
        try (Stream<Path> files = Files.walk(site())) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".html"))::iterator) {
                for (byte b : Files.readAllBytes(file)) {
                    assertTrue(b >= 0, file + " is not ASCII");
                }
            }
        }
        assertTrue(Files.readString(site().resolve("index.html")).contains("6 videos &#183; 1 h 3 min"));
    }
}
