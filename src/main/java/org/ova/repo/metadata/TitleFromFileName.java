package org.ova.repo.metadata;

import java.util.regex.Pattern;

/**
 * A readable title made from a video's file name, used until a person writes one:
 * {@code my_holiday-video.2019.mp4} becomes {@code My holiday video 2019}.
 *
 * <p>The extension is dropped; underscores become spaces; dots and dashes become spaces unless
 * they sit between two digits (so {@code 2019-05-01} and {@code 1.5} stay), and a dash standing
 * alone between spaces stays ({@code Lecture 3 - Graphs}); runs of spaces collapse;
 * the first letter is capitalised. Never empty: a name with nothing left falls back to the file name.
 */
public final class TitleFromFileName {

    private static final Pattern EXTENSION = Pattern.compile("\\.[\\p{Alnum}]{1,10}$");

    private TitleFromFileName() {}

    /** The title for the file at {@code path} (a file name or a relative path with forward slashes). */
    public static String of(String path) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        String base = fileName.startsWith(".")
                ? fileName
                : EXTENSION.matcher(fileName).replaceFirst("");
        String spaced = spaceOut(base).trim().replaceAll("\\s+", " ");
        if (spaced.isEmpty()) {
            return fileName.isBlank() ? path : fileName;
        }
        int first = spaced.codePointAt(0);
        return new StringBuilder()
                .appendCodePoint(Character.toTitleCase(first))
                .append(spaced, Character.charCount(first), spaced.length())
                .toString();
    }

    private static String spaceOut(String base) {
        StringBuilder out = new StringBuilder(base.length());
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            boolean separator = c == '_'
                    || (c == '.' && !betweenDigits(base, i))
                    || (c == '-' && !betweenDigits(base, i) && !betweenSpaces(base, i));
            out.append(separator ? ' ' : c);
        }
        return out.toString();
    }

    private static boolean betweenSpaces(String text, int i) {
        return i > 0 && i + 1 < text.length() && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ';
    }

    private static boolean betweenDigits(String text, int i) {
        return i > 0
                && i + 1 < text.length()
                && Character.isDigit(text.charAt(i - 1))
                && Character.isDigit(text.charAt(i + 1));
    }
}
