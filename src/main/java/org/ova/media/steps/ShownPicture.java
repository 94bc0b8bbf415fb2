package org.ova.media.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ova.media.ProbeResult;
import org.ova.media.sprites.SpriteGrid;
import org.ova.repo.metadata.VrMode;

/**
 * The picture ova shows for a video in posters and scrub thumbnails: the whole frame, or the left
 * (top) eye of a stereo video, upright. ffmpeg turns rotated videos upright while decoding, so the
 * sizes are the displayed ones from the probe.
 *
 * @param width      displayed width of the shown picture
 * @param height     displayed height of the shown picture
 * @param cropFilter the filter keeping one eye, empty for mono videos
 */
public record ShownPicture(int width, int height, Optional<String> cropFilter) {

    public static ShownPicture of(ProbeResult probe, VrMode vr) {
        return switch (vr.stereo()) {
            case SIDE_BY_SIDE -> new ShownPicture(probe.width() / 2, probe.height(), Optional.of("crop=iw/2:ih:0:0"));
            case TOP_BOTTOM -> new ShownPicture(probe.width(), probe.height() / 2, Optional.of("crop=iw:ih/2:0:0"));
            case MONO, AUTO -> new ShownPicture(probe.width(), probe.height(), Optional.empty());
        };
    }

    /** The height of the picture scaled to {@code targetWidth}, even, shape kept. */
    public int evenHeightAt(int targetWidth) {
        if (width < 1 || height < 1) {
            return SpriteGrid.evenHeight(targetWidth, 16, 9);
        }
        return SpriteGrid.evenHeight(targetWidth, width, height);
    }

    /** The eye crop (if any) followed by a scale to {@code targetWidth} × its even height. */
    public List<String> filtersScaledTo(int targetWidth) {
        List<String> filters = new ArrayList<>();
        cropFilter.ifPresent(filters::add);
        filters.add(String.format(Locale.ROOT, "scale=%d:%d", targetWidth, evenHeightAt(targetWidth)));
        return filters;
    }
}
