package org.ova.media;

import java.util.Optional;
import org.ova.repo.metadata.VrMode;

/**
 * Pictures made from stereo videos (posters, sprites, previews) show one eye, not two squeezed
 * side by side; this is the ffmpeg crop that keeps the left (or top) eye.
 */
public final class StereoEye {

    private StereoEye() {
    }

    /** {@code crop=…} for side-by-side and top-bottom videos; empty for mono ones. */
    public static Optional<String> cropFilter(VrMode vr) {
        return switch (vr.stereo()) {
            case SIDE_BY_SIDE -> Optional.of("crop=iw/2:ih:0:0");
            case TOP_BOTTOM -> Optional.of("crop=iw:ih/2:0:0");
            case MONO, AUTO -> Optional.empty();
        };
    }
}
