package org.ova.media.trim;

import java.text.Normalizer;

/**
 * The name a trimmed download is saved under: {@code <title> [01m02s-03m04s].mp4}, with the characters
 * Windows, macOS or Linux refuse in a file name replaced, so the browser keeps it as it is.
 */
public final class TrimFileName {

    /** Long titles are cut so the whole name stays well under the usual 255-byte limit. */
    private static final int MAX_TITLE_CHARS = 120;

    private TrimFileName() {}

    /** The full name, Unicode kept (for {@code filename*} and {@code ova trim}). */
    public static String of(String title, double start, double end) {
        String safe = title.codePoints()
                .map(c -> c < 0x20 || c == 0x7f || "<>:\"/\\|?*".indexOf(c) >= 0 ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (safe.codePointCount(0, safe.length()) > MAX_TITLE_CHARS) {
            safe = safe.substring(0, safe.offsetByCodePoints(0, MAX_TITLE_CHARS))
                    .strip();
        }
        // Windows drops trailing dots; a name of dots only is no name
        safe = safe.replaceAll("[. ]+$", "");
        if (safe.isEmpty()) {
            safe = "video";
        }
        return safe + " [" + clock(start) + "-" + clock(end) + "].mp4";
    }

    /** {@link #of} in plain ASCII (accents dropped, other characters as {@code _}), for old clients. */
    public static String ascii(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '%' ? (char) c : '_'));
        return out.toString();
    }

    /** {@code 01m02s}, or {@code 1h02m03s} from an hour on; whole seconds, rounded down. */
    static String clock(double seconds) {
        long total = (long) Math.floor(seconds);
        long hours = total / 3600;
        String minutesAndSeconds = String.format("%02dm%02ds", total / 60 % 60, total % 60);
        return hours > 0 ? hours + "h" + minutesAndSeconds : minutesAndSeconds;
    }
}
