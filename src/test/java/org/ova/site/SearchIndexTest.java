package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.Marker;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;
import org.ova.site.render.internal.ScriptJson;

class SearchIndexTest {

    @TempDir
    Path root;

    @Test
    void aRowHasPageTitleTagsWordsChaptersAndMarkers() {
        SiteModel model = SiteModelBuilder.build(
                SiteFixture.richLibrary(root, ".ova-repo/site"), SiteFixture.NOW, new LibraryLinks("../../"));
        assertEquals(
                "[\"video/aaaaaaaaaaaaaaa1.html\",\"Beach \\u003cday> & \\\"fun\\\" 'too'\","
                        + "\"Sea \\u003cb>bold\\u003c/b> Café\",\"waves sand sun second line\","
                        + "[[0,\"Arrival\"],[2,\"Swimming\"]],[[1.5,\"Big wave\"]]]",
                ScriptJson.write(SearchIndex.row(model.videos().get(0))));
    }

    @Test
    void libraryDataListsEveryVisibleVideoWithRootRelativeAddresses() {
        SiteModel model = SiteModelBuilder.build(
                SiteFixture.richLibrary(root, ".ova-repo/site"), SiteFixture.NOW, new LibraryLinks("../../"));
        String data = SiteDataFiles.library(model);
        assertTrue(
                data.startsWith("window.OVA_LIBRARY = {\"videos\":[{\"id\":\"aaaaaaaaaaaaaaa1\","
                        + "\"t\":\"Beach \\u003cday> & \\\"fun\\\" 'too'\",\"u\":\"video/aaaaaaaaaaaaaaa1.html\","
                        + "\"th\":\"../../.ova-repo/media/aaaaaaaaaaaaaaa1/thumb.jpg\",\"d\":5,\"r\":5,"
                        + "\"g\":[\"Sea\",\"\\u003cb>bold\\u003c/b>\",\"Café\"],"
                        + "\"s\":\"../../Trips/Summer%202024/beach%20%231.mp4\"},\n"),
                data);
        assertTrue(
                data.contains("{\"id\":\"aaaaaaaaaaaaaaa5\",\"t\":\"Broken\",\"u\":\"video/aaaaaaaaaaaaaaa5.html\","
                        + "\"th\":null,\"d\":0,\"r\":1,\"g\":[\"Sea\"],\"np\":1}"),
                "a file nothing could read is marked not playable (np), so Random skips it: " + data);
        assertTrue(data.endsWith("]};\n"));
        assertEquals(6, data.split("\"id\":").length - 1);
    }

    @Test
    void descriptionWordsAreDistinctNewAndCutShort() {
        assertEquals(
                "quick brown jumps over lazy dog again long tail",
                SearchIndex.descriptionWords(
                        "The quick brown fox jumps over the lazy dog. The dog! Again and "
                                + "then, a long tail of words that does not fit anymore",
                        "Fox"));
        assertEquals("", SearchIndex.descriptionWords("a an to of the and", ""));
    }

    @Test
    void descriptionWordsAreLettersAndDigitsOfAnyScript() {
        assertEquals(
                "straße café bar 2024 naïve москва 東京タワー",
                SearchIndex.descriptionWords("Straße—café/bar 2024: naïve, МОСКВА! 東京タワー", ""));
    }

    /** Realistic metadata: a sentence-long title, three tags, a paragraph, two chapters and a marker. */
    @Test
    void searchIndexStaysUnder200BytesPerVideo() {
        String[] words = ("family holiday beach mountain lecture physics chapter morning evening birthday party "
                        + "garden grandma grandpa kids school concert piano guitar football match river lake forest "
                        + "snow winter summer autumn spring trip city museum train airport camping sunset")
                .split(" ");
        Random random = new Random(7);
        List<LibraryVideo> videos = new ArrayList<>();
        int count = 2000;
        for (int i = 0; i < count; i++) {
            StringBuilder description = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                description.append(words[random.nextInt(words.length)]).append(w % 9 == 8 ? ". " : " ");
            }
            String title = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " at the "
                    + words[random.nextInt(words.length)] + " " + (2000 + i % 25);
            VideoMetadata meta = new VideoMetadata(
                    title,
                    description.toString(),
                    List.of(words[i % words.length], words[(i * 7) % words.length], "family"),
                    i % 6,
                    List.of(new Chapter(0, "Start"), new Chapter(95.5, "The " + words[i % words.length])),
                    List.of(new Marker(42, "Best moment", List.of())),
                    VrMode.AUTO,
                    false);
            String path = "folder-" + i % 50 + "/video " + i + ".mp4";
            videos.add(SiteFixture.video(
                    String.format("%016x", i * 7919L),
                    path,
                    i % 300,
                    meta,
                    Optional.of(SiteFixture.facts(120 + i, "mov,mp4", "h264")),
                    SiteFixture.generated(String.format("%016x", i * 7919L), path),
                    VrMode.FLAT));
        }
        Library library = new Library(
                new LibraryLayout(root), SiteFixture.config("t", 60, ".ova-repo/site"), videos, List.of(), List.of());
        SiteModel model = SiteModelBuilder.build(library, Instant.EPOCH, new LibraryLinks("../../"));
        int bytes = SiteDataFiles.search(model).getBytes(StandardCharsets.UTF_8).length;
        System.out.println("search index: " + bytes / count + " bytes per video");
        assertTrue(bytes / count < 200, bytes / count + " bytes per video");
    }
}
