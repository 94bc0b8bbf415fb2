package org.ova.repo.yaml;

import java.util.regex.Pattern;

/**
 * Writes a text as one YAML scalar that reads back as exactly the same text. Ordinary words stay
 * plain so a person's file looks like one they would write ({@code title: Beach day}); anything
 * YAML could misread (colons, {@code #}, quotes, brackets, leading spaces, line breaks, {@code null})
 * is written double-quoted with escapes.
 */
public final class YamlQuoting {

    private static final Pattern PLAIN_SAFE =
            Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N} _.,!?()&+'-]*[\\p{L}\\p{N}_.!?()&+'-])?");

    private YamlQuoting() {}

    /** {@code text} as a YAML scalar for one line of a block mapping or list. */
    public static String scalar(String text) {
        if (PLAIN_SAFE.matcher(text).matches() && !text.equalsIgnoreCase("null")) {
            return text;
        }
        return doubleQuoted(text);
    }

    /** {@code text} always double-quoted, with every character YAML could not carry escaped. */
    public static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u0085' -> out.append("\\N");
                case '\u2028' -> out.append("\\L");
                case '\u2029' -> out.append("\\P");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (printable(c)) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    // YAML 1.1's printable set, which SnakeYAML enforces on the file's characters
    private static boolean printable(char c) {
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }
}
