package org.ova.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.ova.media.jobs.ProcessingService;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.VrMode;

/**
 * Queues a video's processing when a change of the served library altered what its generated media are
 * made from: its chapters (the WebVTT chapter track, which the upload review's player and other players
 * load; the site's own pages carry the chapters themselves) or its VR layout (the one-eye previews and
 * scrub thumbnails). Without it, those files kept what the last build saw until the next build. Given
 * every library the editor publishes, in order.
 */
public final class EditedMediaInputs implements Consumer<Library> {

    /** What a video's media are made from, of what a person edits. */
    private record Inputs(List<Chapter> chapters, VrMode vr) {
        static Inputs of(LibraryVideo video) {
            return new Inputs(video.metadata().chapters(), video.metadata().vr());
        }
    }

    private final AtomicReference<ProcessingService> processing = new AtomicReference<>();
    private Map<String, Inputs> before;

    /** @param served the library as served at start */
    public EditedMediaInputs(Library served) {
        this.before = inputsOf(served);
    }

    /** From now on, changed videos are queued with {@code service} (it needs the editor this listens to). */
    public void queueWith(ProcessingService service) {
        processing.set(service);
    }

    @Override
    public synchronized void accept(Library now) {
        Map<String, Inputs> after = inputsOf(now);
        Optional.ofNullable(processing.get())
                .ifPresent(service -> after.forEach((id, inputs) -> {
                    Inputs was = before.get(id);
                    // a video new to the library is queued by whoever added it
                    if (was != null && !was.equals(inputs)) {
                        service.submitIfPending(id);
                    }
                }));
        before = after;
    }

    private static Map<String, Inputs> inputsOf(Library library) {
        return library.videos().stream().collect(Collectors.toMap(LibraryVideo::id, Inputs::of));
    }
}
