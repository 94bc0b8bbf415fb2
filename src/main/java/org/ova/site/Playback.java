package org.ova.site;

import java.util.Locale;
import org.ova.repo.LibraryVideo;
import org.ova.repo.PlayableFile;

/**
 * What the video page's player gets: the file browsers play, as processing recorded it (the video
 * itself or its web proxy, see {@code GeneratedMedia.playable}), and, when there is none, what to tell
 * visitors and, apart from that, what to tell the library owner. A file whose probe failed gets no
 * player even when a playable file was recorded: nothing could read it, so no browser will.
 *
 * @param sourceUrl site-relative (or absolute) address of the file the player loads or offers
 * @param type      {@code video/mp4}, {@code video/webm}, or empty when unknown
 * @param playable  whether browsers are expected to play {@code sourceUrl}
 * @param readable  false when the file could not be read at all (empty, truncated, not a video)
 * @param message   what visitors read instead of the player; null when playable
 * @param ownerNote what went wrong and what to do, library-relative, for the collapsed owner details;
 *                  empty when there is nothing to fix
 */
public record Playback(
        String sourceUrl, String type, boolean playable, boolean readable, String message, String ownerNote) {

    /** @param failure why processing last failed, with library-relative file names, or empty */
    public static Playback of(LibraryVideo video, LibraryLinks links, String failure) {
        String source = links.file(video.path());
        if (video.media().isEmpty() && !failure.isEmpty()) {
            return new Playback(
                    source,
                    "",
                    false,
                    false,
                    "This file could not be read.",
                    failure + ". Check that " + video.path() + " is a complete video file (copy it again if it was"
                            + " cut short), then run ova build.");
        }
        if (video.generated().playable().isPresent()) {
            PlayableFile file = video.generated().playable().get();
            String note = failure.isEmpty() ? "" : "Processing failed: " + failure + ". Run ova build to try again.";
            return new Playback(links.file(file.path()), file.mimeType(), true, true, null, note);
        }
        String what = video.media()
                .map(facts -> facts.videoCodec().toUpperCase(Locale.ROOT) + " video in "
                        + extension(video.path()).toUpperCase(Locale.ROOT))
                .orElse("this format");
        return new Playback(
                source,
                "",
                false,
                true,
                "Browsers cannot play this video (" + what + "). Download it to watch it in a desktop player.",
                "Set processing.webProxy to always in .ova-repo/config.yaml and run ova build to make a browser"
                        + " copy." + (failure.isEmpty() ? "" : " Processing failed: " + failure + "."));
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
