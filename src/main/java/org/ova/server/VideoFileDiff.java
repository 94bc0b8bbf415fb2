package org.ova.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.TitleFromFileName;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.IndexedVideo;

/**
 * How the videos of a served library differ from what a new scan found: videos that arrived (new files,
 * and new content under a known path: a replaced file is a new video, as its id follows its content),
 * videos that moved (same content, new path: same id) and videos that are gone. Pure: what the files
 * say is read by {@link VideoFileChanges}.
 *
 * @param arrived the scan's videos the library lacks, in path order
 * @param moved   the new path of each video found under another path, by id
 * @param gone    the library's videos the scan no longer found
 */
record VideoFileDiff(List<IndexedVideo> arrived, Map<String, String> moved, List<LibraryVideo> gone) {

    VideoFileDiff {
        arrived = List.copyOf(arrived);
        moved = Map.copyOf(moved);
        gone = List.copyOf(gone);
    }

    static VideoFileDiff of(Library before, IndexResult index) {
        Map<String, LibraryVideo> known = byId(before.videos());
        List<IndexedVideo> arrived = new ArrayList<>();
        Map<String, String> moved = new LinkedHashMap<>();
        for (IndexedVideo video : index.videos()) {
            LibraryVideo was = known.remove(video.id());
            if (was == null) {
                arrived.add(video);
            } else if (!was.path().equals(video.path())) {
                moved.put(video.id(), video.path());
            }
        }
        return new VideoFileDiff(arrived, moved, new ArrayList<>(known.values()));
    }

    boolean none() {
        return arrived.isEmpty() && moved.isEmpty() && gone.isEmpty();
    }

    /** The library {@code before} becomes, as a build would load it: every video's metadata still to be read. */
    Library unread(Library before, IndexResult index) {
        Map<String, LibraryVideo> known = byId(before.videos());
        List<LibraryVideo> videos = index.videos().stream()
                .map(video -> Optional.ofNullable(known.get(video.id()))
                        .map(was -> was.movedTo(video.path()))
                        .orElseGet(() -> fresh(video)))
                .toList();
        return new Library(before.layout(), before.config(), videos, before.playlists(), index.duplicates());
    }

    /**
     * {@code latest} with these changes: the videos in the scan's order, the known ones as {@code latest} has
     * them (an edit or processing result applied meanwhile is kept), moved under their new path with their
     * metadata as {@code read} has it (its title may come from the new name); the arrived ones as {@code read}
     * has them; the playlists as {@code read} resolved them with the new paths.
     */
    Library applyTo(Library latest, IndexResult index, Library read) {
        Map<String, LibraryVideo> current = byId(latest.videos());
        Map<String, LibraryVideo> loaded = byId(read.videos());
        List<LibraryVideo> videos = index.videos().stream()
                .map(video -> {
                    LibraryVideo known = current.get(video.id());
                    if (known == null) {
                        return loaded.get(video.id());
                    }
                    return moved.containsKey(video.id())
                            ? known.movedTo(video.path())
                                    .withMetadata(loaded.get(video.id()).metadata())
                            : known;
                })
                .filter(Objects::nonNull)
                .toList();
        return new Library(latest.layout(), latest.config(), videos, read.playlists(), index.duplicates());
    }

    /** The paths where new content replaced a video that was there: such a video is replaced, not gone. */
    private Set<String> replacedPaths() {
        Set<String> arrivedPaths = arrived.stream().map(IndexedVideo::path).collect(Collectors.toSet());
        return gone.stream()
                .map(LibraryVideo::path)
                .filter(arrivedPaths::contains)
                .collect(Collectors.toSet());
    }

    /** One line per change, for the log. */
    List<String> lines(Library before) {
        Map<String, LibraryVideo> known = byId(before.videos());
        Set<String> replaced = replacedPaths();
        List<String> lines = new ArrayList<>();
        arrived.forEach(
                video -> lines.add((replaced.contains(video.path()) ? "Replaced: " : "New video: ") + video.path()));
        moved.forEach((id, path) -> lines.add("Moved: " + known.get(id).path() + " → " + path));
        gone.stream()
                .filter(video -> !replaced.contains(video.path()))
                .forEach(video -> lines.add("Removed: " + video.path()));
        return lines;
    }

    private static LibraryVideo fresh(IndexedVideo video) {
        return new LibraryVideo(
                video.id(),
                video.path(),
                video.size(),
                video.added(),
                VideoMetadata.defaults(TitleFromFileName.of(video.path())),
                Optional.empty(),
                GeneratedMedia.NONE,
                VrMode.FLAT);
    }

    private static Map<String, LibraryVideo> byId(List<LibraryVideo> videos) {
        return videos.stream()
                .collect(Collectors.toMap(LibraryVideo::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
