package org.ova.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One data file of one row per video (see {@link SiteDataFiles}), its rows kept from one render to
 * the next: a row is a pure function of its video's view, so a view that is the same object as at the
 * same place last time keeps its row, and an edit of one video encodes one row, not the library's.
 * When every view is the same as last time, the file the last render wrote still holds the bytes, and
 * none are made (an edit that changes no row of this file costs no megabytes). Not thread-safe.
 */
final class VideoRows {

    private final byte[] prefix;
    private final byte[] separator;
    private final byte[] suffix;
    private final Function<VideoView, String> row;
    private List<VideoView> videos = List.of();
    private List<byte[]> rows = List.of();
    private boolean written;

    /**
     * @param prefix    the file's text before the first row
     * @param separator between two rows
     * @param suffix    after the last row
     * @param row       makes one video's row
     */
    VideoRows(String prefix, String separator, String suffix, Function<VideoView, String> row) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.separator = separator.getBytes(StandardCharsets.UTF_8);
        this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
        this.row = row;
    }

    /**
     * The file's bytes (UTF-8) for the videos {@code now}, in their order; empty when the last call's
     * bytes, which the caller wrote, are still right.
     */
    @SuppressWarnings("ReferenceEquality") // the same view, as the model update keeps it: no comparison of its fields
    Optional<byte[]> bytes(List<VideoView> now) {
        boolean same = written && now.size() == videos.size();
        List<byte[]> made = new ArrayList<>(now.size());
        int length = prefix.length + suffix.length + Math.max(0, now.size() - 1) * separator.length;
        for (int i = 0; i < now.size(); i++) {
            VideoView video = now.get(i);
            boolean kept = i < videos.size() && videos.get(i) == video;
            same &= kept;
            byte[] bytes = kept ? rows.get(i) : row.apply(video).getBytes(StandardCharsets.UTF_8);
            made.add(bytes);
            length += bytes.length;
        }
        videos = now;
        rows = made;
        written = true;
        return same ? Optional.empty() : Optional.of(join(length));
    }

    /** Forgets what the last call gave: its file was not written, so the next call makes it again. */
    void forget() {
        written = false;
    }

    private byte[] join(int length) {
        byte[] file = new byte[length];
        System.arraycopy(prefix, 0, file, 0, prefix.length);
        int at = prefix.length;
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                System.arraycopy(separator, 0, file, at, separator.length);
                at += separator.length;
            }
            byte[] one = rows.get(i);
            System.arraycopy(one, 0, file, at, one.length);
            at += one.length;
        }
        System.arraycopy(suffix, 0, file, at, suffix.length);
        return file;
    }
}
