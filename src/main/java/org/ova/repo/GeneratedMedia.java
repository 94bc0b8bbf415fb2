package org.ova.repo;

import java.util.Optional;

/**
 * The generated files a video has right now, as paths relative to the library root (forward
 * slashes), which file browsers play, and why processing last failed when it did; the site links
 * to what exists and shows placeholders for the rest.
 *
 * @param playable the file the player loads (the video or its web proxy); empty when browsers
 *                 play neither
 */
public record GeneratedMedia(
        Optional<String> thumbnail,
        Optional<String> spritesVtt,
        Optional<String> preview,
        Optional<String> chaptersVtt,
        Optional<String> webProxy,
        Optional<String> failure,
        Optional<PlayableFile> playable) {

    /** A video nothing was made or decided for yet. */
    public static final GeneratedMedia NONE = new GeneratedMedia(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    /** The same media, browsers playing {@code now}. */
    public GeneratedMedia withPlayable(PlayableFile now) {
        return new GeneratedMedia(thumbnail, spritesVtt, preview, chaptersVtt, webProxy, failure, Optional.of(now));
    }
}
