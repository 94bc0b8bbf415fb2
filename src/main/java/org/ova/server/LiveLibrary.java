package org.ova.server;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;

/**
 * The library as the server sees it, with its videos looked up by path and id; one immutable snapshot
 * (each change of the library, through the editor, swaps it as a whole), so every request reads one
 * consistent version. Safe to read from any thread.
 */
public final class LiveLibrary {

    private record Snapshot(Library library, Set<String> videoPaths, Map<String, LibraryVideo> byId) {

        static Snapshot of(Library library) {
            return new Snapshot(
                    library,
                    library.videos().stream().map(LibraryVideo::path).collect(Collectors.toUnmodifiableSet()),
                    library.videos().stream()
                            .collect(Collectors.toUnmodifiableMap(LibraryVideo::id, Function.identity())));
        }
    }

    private volatile Snapshot current;

    public LiveLibrary(Library library) {
        this.current = Snapshot.of(library);
    }

    /**
     * Takes {@code now} (the library after an edit, hand edits, a video processed, added or removed) as the
     * library every later request reads.
     */
    public void replace(Library now) {
        current = Snapshot.of(now);
    }

    public Library library() {
        return current.library();
    }

    /** The library's indexed video files, relative to its folder. */
    Set<String> videoPaths() {
        return current.videoPaths();
    }

    public Optional<LibraryVideo> video(String id) {
        return Optional.ofNullable(current.byId().get(id));
    }
}
