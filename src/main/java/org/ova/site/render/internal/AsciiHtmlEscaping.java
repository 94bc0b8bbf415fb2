package org.ova.site.render.internal;

import io.pebbletemplates.pebble.extension.escaper.EscapingStrategy;
import java.nio.charset.StandardCharsets;

/**
 * How templates escape text: the five characters that mean something in HTML become references,
 * and so does every character outside ASCII (<code>é</code> becomes <code>&amp;#233;</code>). The browser shows
 * the same text, and every page stays pure ASCII, which Java keeps and writes out as plain bytes,
 * while a page with a single {@code é} is encoded to UTF-8 character by character (the cost is in
 * {@code bench/README.md}). {@link AsciiTemplateText} does the same for the templates' own text.
 */
public final class AsciiHtmlEscaping implements EscapingStrategy {

    public static final String NAME = "ascii-html";

    @Override
    public String escape(String text) {
        if (isPlain(text)) {
            return text;
        }
        int first = 0;
        while (first < text.length() && plain(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (plain(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    int codePoint = text.codePointAt(i);
                    out.append("&#").append(codePoint).append(';');
                    i += Character.charCount(codePoint) - 1;
                }
            }
        }
        return out.toString();
    }

    /**
     * Whether nothing in {@code text} needs escaping, which is most of what pages print. Checked on
     * the string's ISO-8859-1 bytes, which Java copies at once, because {@code charAt} is a call per
     * character with the quick compiler; a character past U+00FF comes out as '?', so a '?' means "look
     * closer".
     */
    private static boolean isPlain(String text) {
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            if (b < 0 || !PLAIN[b] || b == '?') {
                return false;
            }
        }
        return true;
    }

    /** Which ASCII characters stay as they are. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            PLAIN[c] = plain(c);
        }
    }

    private static boolean plain(char c) {
        return c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
    }
}
