package org.ova.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of everything a site render reads: the library as loaded (videos, metadata, generated
 * media, config, playlists), what the playlists hold at build time, the sprite WebVTT files' sizes
 * and times (their text goes into video pages), the theme with its overrides, and where the site
 * sits relative to the library. When it equals the last build's, the site is already what this
 * build would write, so a no-op build renders nothing.
 */
public final class SiteFingerprint {

    private SiteFingerprint() {
    }

    /**
     * @param library      the library's full text form (its record's {@code toString()})
     * @param playlists    each playlist's video ids as evaluated now
     * @param spriteStamps "path size mtime" of each sprite WebVTT file
     * @param theme        {@link ThemeFiles#digest()} of templates and assets
     * @param links        the prefix from the site to the library
     */
    public static String of(String library, List<String> playlists, List<String> spriteStamps, List<byte[]> theme,
            String links) {
        MessageDigest digest = sha256();
        update(digest, "ova-site-1");
        update(digest, library);
        playlists.forEach(p -> update(digest, p));
        spriteStamps.forEach(s -> update(digest, s));
        theme.forEach(digest::update);
        update(digest, links);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
