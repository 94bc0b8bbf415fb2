package org.ova.site.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;
import org.ova.repo.playlist.ManualPlaylist;
import org.ova.repo.playlist.Playlist;

class LibrarySubsetTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    private static LibraryVideo video(String path, List<String> tags, boolean draft) {
        return new LibraryVideo(
                path.replaceAll("\\W", ""),
                path,
                1,
                NOW,
                new VideoMetadata(path, "", tags, 0, List.of(), List.of(), VrMode.AUTO, draft),
                Optional.empty(),
                GeneratedMedia.NONE,
                VrMode.FLAT);
    }

    private static final Library LIBRARY = new Library(
            new LibraryLayout(Path.of("/videos")),
            OvaConfig.defaults(),
            List.of(
                    video("trips/beach.mp4", List.of("sea"), false),
                    video("trips/alps/hike.mp4", List.of(), false),
                    video("home/cat.mp4", List.of("sea", "pets"), false),
                    video("home/secret.mp4", List.of("sea"), true)),
            List.<Playlist>of(
                    new ManualPlaylist("cats", "Cats", "", List.of("home/cat.mp4")),
                    new ManualPlaylist("hikes", "Hikes", "", List.of("trips/alps/hike.mp4"))),
            List.of());

    private static List<String> paths(Library library) {
        return library.videos().stream().map(LibraryVideo::path).toList();
    }

    @Test
    void theWholeLibraryLeavesOnlyDraftsOutAndKeepsEveryPlaylist() {
        Library all = LibrarySubset.of(LIBRARY, PublishOptions.Subset.ALL, NOW);
        assertEquals(List.of("trips/beach.mp4", "trips/alps/hike.mp4", "home/cat.mp4"), paths(all));
        assertEquals(2, all.playlists().size());
    }

    @Test
    void aVideoMatchingAnyTagPlaylistOrFolderIsInAndPlaylistsLeftEmptyGo() {
        Library tagged = LibrarySubset.of(LIBRARY, new PublishOptions.Subset(Set.of("sea"), Set.of(), Set.of()), NOW);
        assertEquals(List.of("trips/beach.mp4", "home/cat.mp4"), paths(tagged));
        assertEquals(
                List.of("cats"), tagged.playlists().stream().map(Playlist::id).toList());

        Library mixed = LibrarySubset.of(
                LIBRARY, new PublishOptions.Subset(Set.of("pets"), Set.of("hikes"), Set.of("/trips/")), NOW);
        assertEquals(List.of("trips/beach.mp4", "trips/alps/hike.mp4", "home/cat.mp4"), paths(mixed));
    }

    @Test
    void aNameTheLibraryDoesNotHaveIsAnErrorListingTheKnownOnes() {
        PublishException error = assertThrows(
                PublishException.class,
                () -> LibrarySubset.of(LIBRARY, new PublishOptions.Subset(Set.of(), Set.of(), Set.of("trip")), NOW));
        assertEquals("the library has no folder 'trip'; it has: home, trips, trips/alps", error.getMessage());
    }
}
