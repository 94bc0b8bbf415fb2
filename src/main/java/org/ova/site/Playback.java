package org.ova.site;

import java.util.Locale;
import org.ova.repo.LibraryVideo;
import org.ova.repo.PlayableFile;

/**
 * What the video page's player gets: the file browsers play, as processing recorded it (the video
 * itself or its web proxy, see {@code GeneratedMedia.playable}), and, when there is none, why.
 *
 * @param sourceUrl site-relative (or absolute) address of the file the player loads
 * @param type      {@code video/mp4}, {@code video/webm}, or empty when unknown
 * @param playable  whether browsers are expected to play {@code sourceUrl}
 * @param message   why the video cannot be played, shown instead of the player; null when playable
 */
public record Playback(String sourceUrl, String type, boolean playable, String message) {

    public static Playback of(LibraryVideo video, LibraryLinks links) {
        if (video.generated().playable().isPresent()) {
            PlayableFile file = video.generated().playable().get();
            return new Playback(links.file(file.path()), file.mimeType(), true, null);
        }
        String what = video.media()
                .map(facts -> facts.videoCodec().toUpperCase(Locale.ROOT) + " video in "
                        + extension(video.path()).toUpperCase(Locale.ROOT))
                .orElse("This file");
        return new Playback(
                links.file(video.path()),
                "",
                false,
                "Browsers cannot play this video (" + what + "). Set processing.webProxy to always in "
                        + ".ova-repo/config.yaml and run ova build to make a browser copy, or download the file "
                        + "and open it in a desktop player.");
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
