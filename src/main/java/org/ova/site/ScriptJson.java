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

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    public static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            quote(out, text);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(Formats.seconds(((Number) value).doubleValue()));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Optional<?> optional) {
            write(out, optional.orElse(null));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, String.valueOf(entry.getKey()));
                out.append(':');
                write(out, entry.getValue());
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
                write(out, item);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    /** {@code text} as a JSON string literal, safe in a script element. */
    public static void quote(StringBuilder out, String text) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            String escaped = escape(text.charAt(i));
            if (escaped != null) {
                // runs of plain characters are copied at once: WebVTT text makes up most of a page's data
                out.append(text, plain, i).append(escaped);
                plain = i + 1;
            }
        }
        out.append(text, plain, text.length()).append('"');
    }

    /** The escape for {@code c}, or null when it stands as it is. */
    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '<' -> "\\u003c";
            case '\u2028' -> "\\u2028";
            case '\u2029' -> "\\u2029";
            default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
