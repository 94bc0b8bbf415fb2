package org.ova.repo;

import java.util.regex.Pattern;

/**
 * Globs over library paths (forward slashes, relative to the root), the one syntax used by
 * {@code library.exclude} and playlist {@code folder} rules: {@code *} and {@code ?} stay within one
 * folder, {@code **} crosses folders ({@code **}{@code /x} also matches {@code x}), {@code {a,b}} picks one
 * of several, {@code [abc]} / {@code [!abc]} one character. Matching is on strings, so it behaves
 * the same on every platform, and is case-sensitive like paths.
 */
public final class Glob {

    private Glob() {
    }

    /**
     * The regular expression of {@code glob}; a leading {@code /} is ignored.
     *
     * @throws IllegalArgumentException when a {@code {} is never closed
     */
    public static Pattern compile(String glob) {
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        StringBuilder regex = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                        boolean slashFollows = i + 2 < g.length() && g.charAt(i + 2) == '/';
                        // "**/" may also match no folder at all, so "**/x.mp4" matches "x.mp4"
                        regex.append(slashFollows ? "(?:.*/)?" : ".*");
                        i += slashFollows ? 2 : 1;
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '{' -> {
                    regex.append("(?:");
                    inGroup = true;
                }
                case '}' -> {
                    regex.append(inGroup ? ")" : "\\}");
                    inGroup = false;
                }
                case ',' -> regex.append(inGroup ? "|" : ",");
                case '[' -> {
                    int end = g.indexOf(']', i + 1);
                    if (end < 0) {
                        regex.append("\\[");
                    } else {
                        String set = g.substring(i + 1, end).replace("\\", "\\\\");
                        regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = end;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inGroup) {
            throw new IllegalArgumentException("the glob '" + glob + "' opens a '{' it never closes");
        }
        return Pattern.compile(regex.toString());
    }
}
