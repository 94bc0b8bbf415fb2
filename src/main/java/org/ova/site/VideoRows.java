package org.ova.site;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One data file's rows (see {@link SiteDataFiles}), one per video, kept from one render to the next:
 * a row is a pure function of its video's view, so a view that is the same object as at the same
 * place last time keeps its row, and an edit of one video serializes one row, not the library's.
 * Not thread-safe.
 */
final class VideoRows {

    private final Function<VideoView, String> row;
    private List<VideoView> videos = List.of();
    private List<String> rows = List.of();

    /** @param row makes one video's row */
    VideoRows(Function<VideoView, String> row) {
        this.row = row;
    }

    /** The row of each of {@code now}, in its order. */
    @SuppressWarnings("ReferenceEquality") // the same view, as the model update keeps it: no comparison of its fields
    List<String> of(List<VideoView> now) {
        List<String> made = new ArrayList<>(now.size());
        for (int i = 0; i < now.size(); i++) {
            VideoView video = now.get(i);
            made.add(i < videos.size() && videos.get(i) == video ? rows.get(i) : row.apply(video));
        }
        videos = now;
        rows = made;
        return made;
    }
}
