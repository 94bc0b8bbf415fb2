package org.ova.site;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * JSON text that is safe inside an HTML {@code <script>} element: {@code <} is written as
 * {@code \u003c} (so neither {@code </script>} nor {@code <!--} can appear) and the line separators
 * U+2028 and U+2029 are escaped. Writes maps (in their order), collections, strings, numbers,
 * booleans, {@link Optional}s and null.
 */
public final class ScriptJson {

    /** Builders kept per thread for {@link #writeAscii}, unless one grew past this. */
    private static final int MAX_KEPT_CAPACITY = 1 << 20;
    private static final ThreadLocal<StringBuilder> ASCII_BUILDERS = ThreadLocal.withInitial(() -> new StringBuilder(4096));

    private ScriptJson() {
    }

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
        // a page's data with its WebVTT text is kilobytes: a builder kept per thread grows once, not per page
        StringBuilder out = ASCII_BUILDERS.get();
        out.setLength(0);
        write(out, value, true);
        String json = out.toString();
        if (out.capacity() > MAX_KEPT_CAPACITY) {
            ASCII_BUILDERS.remove();
        }
        return json;
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
            out.append(Formats.seconds(((Number) value).doubleValue()));
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
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void quote(StringBuilder out, String text, boolean ascii) {
        out.append('"');
        int length = text.length();
        int first = 0;
        while (first < length && isPlain(text.charAt(first), ascii)) {
            first++;
        }
        if (first == length) {
            // most titles, tags and names: copied at once
            out.append(text).append('"');
            return;
        }
        // the characters as an array, plain runs appended at once: StringBuilder.append(CharSequence,
        // int, int) goes character by character through interface calls, and WebVTT text is kilobytes
        char[] chars = text.toCharArray();
        int plain = 0;
        for (int i = first; i < length; i++) {
            char c = chars[i];
            if (isPlain(c, ascii)) {
                continue;
            }
            out.append(chars, plain, i - plain);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15])
                        .append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
            }
        }
        out.append(chars, plain, length - plain).append('"');
    }

    private static boolean isPlain(char c, boolean ascii) {
        return c >= 0x20 && c != '"' && c != '\\' && c != '<' && (ascii ? c < 0x7F : c != '\u2028' && c != '\u2029');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
