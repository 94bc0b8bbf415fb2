package org.ova.site;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ova.repo.LibraryVideo;
import org.ova.repo.MediaFacts;

/**
 * What the video page's player gets: the file browsers can play (the video itself or its web
 * proxy) and, when there is none, why.
 *
 * @param sourceUrl site-relative (or absolute) address of the file the player loads
 * @param type      {@code video/mp4}, {@code video/webm}, or empty when unknown
 * @param playable  whether browsers are expected to play {@code sourceUrl}
 * @param message   why the video cannot be played, shown instead of the player; null when playable
 */
public record Playback(String sourceUrl, String type, boolean playable, String message) {

    private static final Set<String> MP4_EXTENSIONS = Set.of("mp4", "m4v", "mov");
    private static final Set<String> MP4_CODECS = Set.of("h264", "av1");
    private static final Set<String> WEBM_CODECS = Set.of("vp8", "vp9", "av1");

    /** Decides from the probe's container and video codec; an unprobed video is judged by its extension. */
    public static Playback of(LibraryVideo video, LibraryLinks links) {
        String ownType = typeOf(video.path(), video.media().map(MediaFacts::container).orElse(""));
        if (plays(video, ownType)) {
            return new Playback(links.file(video.path()), ownType, true, null);
        }
        Optional<String> proxy = video.generated().webProxy();
        if (proxy.isPresent()) {
            return new Playback(links.file(proxy.get()), typeOf(proxy.get(), ""), true, null);
        }
        String what = video.media().map(facts -> facts.videoCodec().toUpperCase(Locale.ROOT) + " video in "
                + extension(video.path()).toUpperCase(Locale.ROOT)).orElse("This file");
        return new Playback(links.file(video.path()), ownType, false,
                "Browsers cannot play this video (" + what + "). Set processing.webProxy to always in "
                        + ".ova-repo/config.yaml and run ova build to make a browser copy, or download the file "
                        + "and open it in a desktop player.");
    }

    private static boolean plays(LibraryVideo video, String type) {
        if (type.isEmpty()) {
            return false;
        }
        if (video.media().isEmpty()) {
            return true;
        }
        String codec = video.media().get().videoCodec().toLowerCase(Locale.ROOT);
        return type.equals("video/mp4") ? MP4_CODECS.contains(codec) : WEBM_CODECS.contains(codec);
    }

    /** {@code video/mp4} for MP4/MOV files, {@code video/webm} for WebM, else empty. */
    static String typeOf(String path, String container) {
        String extension = extension(path);
        if (MP4_EXTENSIONS.contains(extension)) {
            return "video/mp4";
        }
        if (extension.equals("webm")) {
            return "video/webm";
        }
        return container.toLowerCase(Locale.ROOT).startsWith("mov,mp4") && extension.isEmpty() ? "video/mp4" : "";
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
