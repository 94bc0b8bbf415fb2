package org.ova.server;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;

/**
 * The library as the server sees it now, replaced as a whole when it is loaded again, so every request
 * reads one consistent version. Safe to read from any thread.
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

    private final AtomicReference<Snapshot> current;

    public LiveLibrary(Library library) {
        this.current = new AtomicReference<>(Snapshot.of(library));
    }

    public Library library() {
        return current.get().library();
    }

    /** The library's indexed video files, relative to its folder. */
    Set<String> videoPaths() {
        return current.get().videoPaths();
    }

    Optional<LibraryVideo> video(String id) {
        return Optional.ofNullable(current.get().byId().get(id));
    }

    /** Makes {@code library} the one every later request sees. */
    public void replace(Library library) {
        current.set(Snapshot.of(library));
    }
}
