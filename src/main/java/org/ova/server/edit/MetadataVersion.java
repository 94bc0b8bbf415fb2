package org.ova.server.edit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of a metadata file as an HTTP entity tag: a hash of its bytes, so any change to the
 * file (an edit here, a person's editor, git) gives a new tag and no clock or counter is trusted.
 */
public final class MetadataVersion {

    private MetadataVersion() {}

    /** The strong entity tag of {@code bytes}, quotes included: {@code "3f2a…"}. */
    public static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + HexFormat.of().formatHex(hash, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public static String etag(String text) {
        return etag(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether an {@code If-Match} header value names {@code etag}: {@code *}, or a comma-separated
     * list of tags, weak ones ({@code W/"…"}) compared by their value.
     */
    public static boolean matches(String ifMatch, String etag) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
