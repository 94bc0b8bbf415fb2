package org.ova.site.publish;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names a published copy can carry onto any disk: FAT32, exFAT, NTFS and every web server. A
 * library on Linux may name a video {@code What? Who: me.mp4} or {@code con.mp4}; copied as they are,
 * such files cannot be written to a USB stick, or break a Windows share. Pure functions.
 */
public final class SafeNames {

    /** The most bytes ext4 allows in one name; FAT, exFAT and NTFS allow 255 UTF-16 units, never fewer. */
    static final int MAX_NAME_BYTES = 255;

    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\\..*)?");
    private static final String FORBIDDEN = ":?*<>|\"\\";

    private SafeNames() {}

    /**
     * One path segment made safe: forbidden and control characters become {@code _}, trailing dots and
     * spaces are dropped, reserved device names get a {@code _} in front, and a long name is cut to
     * {@value #MAX_NAME_BYTES} UTF-8 bytes keeping its extension.
     */
    public static String segment(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || FORBIDDEN.indexOf(c) >= 0) {
                safe.append('_');
            } else {
                safe.appendCodePoint(c);
            }
        });
        int end = safe.length();
        while (end > 0 && (safe.charAt(end - 1) == '.' || safe.charAt(end - 1) == ' ')) {
            end--;
        }
        String trimmed = safe.substring(0, end);
        if (trimmed.isEmpty()) {
            return "_";
        }
        if (RESERVED.matcher(trimmed).matches()) {
            trimmed = "_" + trimmed;
        }
        return fit(trimmed, "");
    }

    /**
     * Safe, distinct relative paths for {@code paths} (forward slashes), in their order: two paths that
     * become the same, or differ only in case (FAT, exFAT and NTFS ignore case), get {@code " (2)"},
     * {@code " (3)"}, … before the extension of the later one. Callers pass a sorted list, so the same
     * library always gets the same names.
     */
    public static Map<String, String> paths(List<String> paths) {
        Map<String, String> safe = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String path : paths) {
            String[] segments = path.split("/");
            StringBuilder folder = new StringBuilder();
            for (int i = 0; i < segments.length - 1; i++) {
                folder.append(segment(segments[i])).append('/');
            }
            String name = segment(segments[segments.length - 1]);
            String candidate = folder + name;
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = folder + numbered(name, n);
            }
            safe.put(path, candidate);
        }
        return safe;
    }

    private static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot) : "";
        return fit(dot > 0 ? name.substring(0, dot) : name, " (" + n + ")" + extension);
    }

    /** {@code stem + suffix} cut (in the stem, never inside a character) to the byte limit. */
    private static String fit(String name, String suffix) {
        if (bytes(name + suffix) <= MAX_NAME_BYTES) {
            return name + suffix;
        }
        String stem = name;
        String tail = suffix;
        int dot = name.lastIndexOf('.');
        if (suffix.isEmpty() && dot > 0 && bytes(name.substring(dot)) < MAX_NAME_BYTES / 2) {
            stem = name.substring(0, dot);
            tail = name.substring(dot);
        }
        int end = stem.length();
        while (end > 0 && bytes(stem.substring(0, end) + tail) > MAX_NAME_BYTES) {
            end = Character.isLowSurrogate(stem.charAt(end - 1)) ? end - 2 : end - 1;
        }
        return stem.substring(0, end).replaceAll("[. ]+$", "") + tail;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
