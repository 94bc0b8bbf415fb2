package org.ova.repo;

import java.util.Optional;

/**
 * The generated files a video has right now, as paths relative to the library root (forward
 * slashes), and why processing last failed when it did; the site links to what exists and shows
 * placeholders for the rest.
 */
public record GeneratedMedia(Optional<String> thumbnail, Optional<String> spritesVtt, Optional<String> preview,
                             Optional<String> chaptersVtt, Optional<String> webProxy, Optional<String> failure) {

    /** A video nothing was made for yet. */
    public static final GeneratedMedia NONE = new GeneratedMedia(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
