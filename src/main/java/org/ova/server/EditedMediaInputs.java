package org.ova.server;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.ova.media.jobs.ProcessingService;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;

/**
 * Queues a video's processing when a change of the served library altered what its generated media are
 * made from: its chapters (the WebVTT chapter track, which the upload review's player and other players
 * load; the site's own pages carry the chapters themselves) or its VR layout (the one-eye previews and
 * scrub thumbnails). Without it, those files kept what the last build saw until the next build. Given
 * every library the editor publishes, in order.
 */
public final class EditedMediaInputs implements Consumer<Library> {

    private final AtomicReference<ProcessingService> processing = new AtomicReference<>();
    private Library before;

    /** @param served the library as served at start */
    public EditedMediaInputs(Library served) {
        this.before = served;
    }

    /** From now on, changed videos are queued with {@code service} (it needs the editor this listens to). */
    public void queueWith(ProcessingService service) {
        processing.set(service);
    }

    @Override
    public synchronized void accept(Library now) {
        ProcessingService service = processing.get();
        if (service != null) {
            Map<String, LibraryVideo> was =
                    before.videos().stream().collect(Collectors.toMap(LibraryVideo::id, video -> video));
            for (LibraryVideo video : now.videos()) {
                // a video new to the library is queued by whoever added it
                LibraryVideo earlier = was.get(video.id());
                if (earlier != null && !sameInputs(earlier, video)) {
                    service.submitIfPending(video.id());
                }
            }
        }
        before = now;
    }

    /** Whether what a person edits of the two, of what the media are made from, is the same. */
    private static boolean sameInputs(LibraryVideo a, LibraryVideo b) {
        return a.metadata().chapters().equals(b.metadata().chapters())
                && a.metadata().vr().equals(b.metadata().vr());
    }
}
