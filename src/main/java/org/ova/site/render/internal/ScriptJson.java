package org.ova.site.render.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * JSON text that is safe inside an HTML {@code <script>} element: {@code <} is written as
 * the JSON escape backslash-u-003c (so neither {@code </script>} nor {@code <!--} can appear) and the line separators
 * U+2028 and U+2029 are escaped. Writes maps (in their order), collections, strings, numbers,
 * booleans, {@link Optional}s and null.
 */
public final class ScriptJson {

    private ScriptJson() {}

    /** {@code value} as JSON, text outside ASCII as it is (UTF-8 data files). */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value, false);
        return out.toString();
    }

    /**
     * {@code value} as JSON in pure ASCII: other characters as {@code \u00e9} escapes, so that a page
     * stays ASCII (see {@link AsciiHtmlEscaping}).
     */
    public static String writeAscii(Object value) {
        // a page's data with its WebVTT text is kilobytes: room for that from the start
        StringBuilder out = new StringBuilder(4096);
        write(out, value, true);
        return out.toString();
    }

    /** Appends {@code value} as JSON, text outside ASCII as it is. */
    public static void write(StringBuilder out, Object value) {
        write(out, value, false);
    }

    private static void write(StringBuilder out, Object value, boolean ascii) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            quote(out, text, ascii);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(number(((Number) value).doubleValue()));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Optional<?> optional) {
            write(out, optional.orElse(null), ascii);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, String.valueOf(entry.getKey()), ascii);
                out.append(':');
                write(out, entry.getValue(), ascii);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, item, ascii);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    /** A number as data files write it: whole numbers without a fraction, others with up to three decimals. */
    public static String number(double value) {
        double rounded = Math.round(value * 1000) / 1000.0;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return Long.toString((long) rounded);
        }
        return BigDecimal.valueOf(rounded)
                .setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static void quote(StringBuilder out, String text, boolean ascii) {
        // Java copies a string of one byte per character (WebVTT, most titles and descriptions) to
        // ISO-8859-1 bytes at once, and escaping from bytes to bytes needs no per-character calls
        // (charAt and StringBuilder.append(char[], int, int) are, with the quick compiler). A character
        // past U+00FF comes out as '?', so text with a '?' takes the general way.
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        boolean[] plain = ascii ? PLAIN_ASCII : PLAIN;
        int escapes = 0;
        boolean question = false;
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (!plain[c]) {
                escapes++;
            } else if (c == '?') {
                question = true;
            }
        }
        out.append('"');
        if (question) {
            quoteChars(out, text, ascii);
        } else if (escapes == 0) {
            out.append(text);
        } else {
            byte[] escaped = new byte[bytes.length + 5 * escapes];
            int n = 0;
            for (byte b : bytes) {
                int c = b & 0xFF;
                if (plain[c]) {
                    escaped[n++] = b;
                } else {
                    String escape = escape((char) c);
                    for (int k = 0; k < escape.length(); k++) {
                        escaped[n++] = (byte) escape.charAt(k);
                    }
                }
            }
            out.append(new String(escaped, 0, n, StandardCharsets.ISO_8859_1));
        }
        out.append('"');
    }

    /** Any text, character by character; plain runs are appended at once. */
    private static void quoteChars(StringBuilder out, String text, boolean ascii) {
        char[] chars = text.toCharArray();
        int plain = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (!isPlain(c, ascii)) {
                out.append(chars, plain, i - plain).append(escape(c));
                plain = i + 1;
            }
        }
        out.append(chars, plain, chars.length - plain);
    }

    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                new String(new char[] {'\\', 'u', HEX[c >> 12 & 15], HEX[c >> 8 & 15], HEX[c >> 4 & 15], HEX[c & 15]});
        };
    }

    private static boolean isPlain(char c, boolean ascii) {
        return c >= 0x20 && c != '"' && c != '\\' && c != '<' && (ascii ? c < 0x7F : c != '\u2028' && c != '\u2029');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Which of the characters U+0000 to U+00FF stay as they are, in ASCII and in UTF-8 output. */
    private static final boolean[] PLAIN_ASCII = plainLatin1(true);

    private static final boolean[] PLAIN = plainLatin1(false);

    private static boolean[] plainLatin1(boolean ascii) {
        boolean[] plain = new boolean[256];
        for (char c = 0; c < 256; c++) {
            plain[c] = isPlain(c, ascii);
        }
        return plain;
    }
}
