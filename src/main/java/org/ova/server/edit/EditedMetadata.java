package org.ova.server.edit;

import java.util.List;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.Marker;
import org.ova.repo.metadata.VideoMetadata;

/** Compares metadata as its file keeps it: times to the millisecond, which is all a file holds. */
final class EditedMetadata {

    private EditedMetadata() {}

    static boolean same(VideoMetadata a, VideoMetadata b) {
        return millis(a).equals(millis(b));
    }

    private static VideoMetadata millis(VideoMetadata m) {
        List<Chapter> chapters = m.chapters().stream()
                .map(c -> new Chapter(Math.round(c.start() * 1000), c.title()))
                .toList();
        List<Marker> markers = m.markers().stream()
                .map(k -> new Marker(Math.round(k.at() * 1000), k.label(), k.tags()))
                .toList();
        return new VideoMetadata(
                m.title(), m.description(), m.tags(), m.rating(), chapters, markers, m.vr(), m.draft());
    }
}
