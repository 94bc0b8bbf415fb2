package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.VideoMetadata;

class SiteFingerprintTest {

    @TempDir
    Path root;

    private String fingerprint(Library library) {
        return SiteFingerprint.of(library, SiteFixture.NOW, "theme", "../../");
    }

    @Test
    void sameLibraryGivesTheSameFingerprint() {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        assertEquals(fingerprint(library), fingerprint(library));
    }

    @Test
    void aRewrittenSpriteFileChangesTheFingerprint() throws IOException {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        String before = fingerprint(library);
        Path vtt = root.resolve(library.videos().get(0).generated().spritesVtt().orElseThrow());
        Files.writeString(vtt, Files.readString(vtt) + "\n");
        assertNotEquals(before, fingerprint(library));
    }

    @Test
    void aRetitledVideoChangesTheFingerprint() {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        LibraryVideo first = library.videos().get(0);
        VideoMetadata meta = first.metadata();
        LibraryVideo retitled = new LibraryVideo(
                first.id(),
                first.path(),
                first.size(),
                first.added(),
                new VideoMetadata(
                        meta.title() + "!",
                        meta.description(),
                        meta.tags(),
                        meta.rating(),
                        meta.chapters(),
                        meta.markers(),
                        meta.vr(),
                        meta.draft()),
                first.media(),
                first.generated(),
                first.vr());
        List<LibraryVideo> videos = new ArrayList<>(library.videos());
        videos.set(0, retitled);
        Library changed =
                new Library(library.layout(), library.config(), videos, library.playlists(), library.duplicates());
        assertNotEquals(fingerprint(library), fingerprint(changed));
    }

    @Test
    void themeAndSitePlaceCount() {
        Library library = SiteFixture.richLibrary(root, ".ova-repo/site");
        String base = fingerprint(library);
        assertNotEquals(base, SiteFingerprint.of(library, SiteFixture.NOW, "other theme", "../../"));
        assertNotEquals(base, SiteFingerprint.of(library, SiteFixture.NOW, "theme", "../"));
    }

    /** SiteFingerprint hashes the library's parts one by one: a new part must be added there too. */
    @Test
    void fingerprintKnowsEveryPartOfTheLibrary() {
        assertEquals(
                List.of("layout", "config", "videos", "playlists", "duplicates"),
                Arrays.stream(Library.class.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList());
    }
}
