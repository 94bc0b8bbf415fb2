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
        StringBuilder out = new StringBuilder(256);
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
        // the characters as an array, plain runs appended at once: String.charAt and
        // StringBuilder.append(CharSequence, int, int) go character by character through method
        // calls, and a page's WebVTT text is thousands of characters
        char[] chars = text.toCharArray();
        out.append('"');
        int plain = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && (ascii ? c < 0x7F : c != '\u2028' && c != '\u2029')) {
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
        out.append(chars, plain, chars.length - plain).append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
