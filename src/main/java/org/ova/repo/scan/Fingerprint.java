package org.ova.repo.scan;

/**
 * A content fingerprint made by {@link Fingerprinter}: 64 lowercase hex characters.
 *
 * <p>The video id is its first 16 characters. Because it is derived from the content alone (size
 * and sampled bytes), not from the name or folder, a renamed or moved video keeps its id and with
 * it its tags, rating, markers and generated media; the same content under two names has one id,
 * which is how duplicates are found. 64 bits make an accidental clash between two different
 * videos of one library vanishingly unlikely (about 1 in 37 million for a library of a million videos).
 */
public record Fingerprint(String value) {

    /** Length of {@link #videoId()}. */
    public static final int ID_LENGTH = 16;

    public Fingerprint {
        if (value.length() < ID_LENGTH) {
            throw new IllegalArgumentException("fingerprint too short to derive a video id: '" + value + "'");
        }
    }

    /** The stable id of the video with this content. */
    public String videoId() {
        return value.substring(0, ID_LENGTH);
    }
}
