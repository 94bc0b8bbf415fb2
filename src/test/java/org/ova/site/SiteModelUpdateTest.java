package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.VideoMetadata;

class SiteModelUpdateTest {

    private static final List<String> TAGS = List.of("sea", "city", "night", "piano");

    @TempDir
    Path root;

    private static LibraryLinks links(Library library) {
        return LibraryLinks.between(
                library.config().site().outputDir(library.layout()),
                library.layout().root());
    }

    /** Each part of the model, so that a failure says which differs. */
    private static void assertSameModel(SiteModel built, SiteModel updated, String edits) {
        List<Function<SiteModel, Object>> parts = List.of(
                SiteModel::info,
                SiteModel::videos,
                SiteModel::sorted,
                SiteModel::topRated,
                SiteModel::tags,
                SiteModel::folders,
                SiteModel::rootVideos,
                SiteModel::playlists,
                SiteModel::related,
                SiteModel::pageSize);
        for (int i = 0; i < parts.size(); i++) {
            assertTrue(
                    parts.get(i).apply(built).equals(parts.get(i).apply(updated)),
                    "part " + i + " of the model differs after\n" + edits);
        }
    }

    @Test
    void randomEditsOfMetadataGiveTheModelABuildWouldGive() {
        // some 600 videos per tag: longer than the window related videos are scored in
        Library library = RandomEdits.library(SiteFixture.richLibrary(root, ".ova-repo/site"), 900, TAGS);
        LibraryLinks links = links(library);
        SiteModel model = SiteModelBuilder.build(library, SiteFixture.NOW, links);
        RandomEdits edits = new RandomEdits(13, TAGS);
        for (int i = 0; i < 25; i++) {
            StringBuilder log = new StringBuilder("edit " + i + ":\n");
            Library next = edits.next(library, false, log);
            SiteModel built = SiteModelBuilder.build(next, SiteFixture.NOW, links);
            Optional<SiteModel> updated = SiteModelUpdate.of(model, library, next, SiteFixture.NOW, links);
            assertTrue(updated.isPresent(), log.toString());
            assertSameModel(built, updated.get(), log.toString());
            model = updated.get();
            library = next;
        }
    }

    @Test
    @SuppressWarnings("ReferenceEquality") // what the test pins: the same objects, not equal ones
    void anUpdateKeepsEveryRecordAnEditDoesNotTouch() {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        SiteModel model = SiteModelBuilder.build(library, SiteFixture.NOW, links(library));
        Library renamed = edit(
                library,
                1,
                m -> new VideoMetadata(
                        "Renamed",
                        m.description(),
                        m.tags(),
                        m.rating(),
                        m.chapters(),
                        m.markers(),
                        m.vr(),
                        m.draft()));
        SiteModel updated = SiteModelUpdate.of(model, library, renamed, SiteFixture.NOW, links(library))
                .orElseThrow();
        int same = 0;
        for (int i = 0; i < model.videos().size(); i++) {
            same += model.videos().get(i) == updated.videos().get(i) ? 1 : 0;
        }
        assertEquals(model.videos().size() - 1, same);
        String id = library.videos().get(1).id();
        for (int i = 0; i < model.tags().size(); i++) {
            boolean tagged = model.tags().get(i).videos().stream().anyMatch(v -> v.id().equals(id));
            assertEquals(
                    !tagged,
                    model.tags().get(i) == updated.tags().get(i),
                    model.tags().get(i).name());
        }
    }

    @Test
    void changesBeyondEditsOfMetadataAreLeftToAWholeBuild() {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        SiteModel model = SiteModelBuilder.build(library, SiteFixture.NOW, links(library));
        List<Library> changes = new ArrayList<>();
        // a tag no video had: every tag's slug may change
        changes.add(edit(library, 0, m -> withTags(m, List.of("brand new"))));
        // the only video tagged "vr" loses it: the tag goes
        changes.add(edit(library, 5, m -> withTags(m, List.of())));
        // a draft becomes visible, a video becomes a draft
        changes.add(edit(library, 6, m -> withDraft(m, false)));
        changes.add(edit(library, 0, m -> withDraft(m, true)));
        // a video gone
        List<LibraryVideo> fewer = new ArrayList<>(library.videos());
        fewer.remove(0);
        changes.add(new Library(library.layout(), library.config(), fewer, library.playlists(), library.duplicates()));
        for (Library changed : changes) {
            assertTrue(SiteModelUpdate.of(model, library, changed, SiteFixture.NOW, links(library))
                    .isEmpty());
        }
    }

    private static Library edit(Library library, int index, UnaryOperator<VideoMetadata> change) {
        List<LibraryVideo> videos = new ArrayList<>(library.videos());
        videos.set(
                index,
                videos.get(index).withMetadata(change.apply(videos.get(index).metadata())));
        return new Library(library.layout(), library.config(), videos, library.playlists(), library.duplicates());
    }

    private static VideoMetadata withTags(VideoMetadata m, List<String> tags) {
        return new VideoMetadata(
                m.title(), m.description(), tags, m.rating(), m.chapters(), m.markers(), m.vr(), m.draft());
    }

    private static VideoMetadata withDraft(VideoMetadata m, boolean draft) {
        return new VideoMetadata(
                m.title(), m.description(), m.tags(), m.rating(), m.chapters(), m.markers(), m.vr(), draft);
    }
}
