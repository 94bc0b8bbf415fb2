package org.ova.repo;

import java.util.regex.Pattern;

/**
 * A glob over library paths (forward slashes, relative to the root), the one syntax used by
 * {@code library.exclude} and playlist {@code folder} rules: {@code *} and {@code ?} stay within one
 * folder, {@code **} crosses folders ({@code **}{@code /x} also matches {@code x}), {@code {a,b}} picks one
 * of several, {@code [abc]} / {@code [!abc]} one character. Matching is on strings, so it behaves
 * the same on every platform, and is case-sensitive like paths. Globs are equal when written alike.
 */
public final class Glob {

    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /**
     * The glob {@code glob}, matched against whole relative paths; a leading {@code /} is ignored.
     *
     * @throws IllegalArgumentException when an opening brace is never closed
     */
    public static Glob compile(String glob) {
        String relative = glob.startsWith("/") ? glob.substring(1) : glob;
        return new Glob(glob, Pattern.compile(regex(relative, "glob '" + glob + "'")));
    }

    /**
     * A playlist's {@code folder} rule: like {@link #compile}, but surrounding spaces and leading slashes
     * are dropped, and a glob without any wildcard names a folder and everything below it, so
     * {@code trips} means the same as {@code trips/**}.
     *
     * @throws IllegalArgumentException when the glob is empty or an opening brace is never closed
     */
    public static Glob folder(String glob) {
        String trimmed = glob.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the folder glob is empty; write a folder such as trips or trips/**");
        }
        String effective = trimmed;
        if (!trimmed.matches(".*[*?{].*")) {
            effective = trimmed.endsWith("/") ? trimmed + "**" : trimmed + "/**";
        }
        return new Glob(trimmed, Pattern.compile(regex(effective, "folder glob '" + trimmed + "'")));
    }

    /** Whether {@code relativePath} (forward slashes) matches the whole glob. */
    public boolean matches(String relativePath) {
        return pattern.matcher(relativePath).matches();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glob that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The glob as written. */
    @Override
    public String toString() {
        return text;
    }

    // named: how the error message names the glob as the person wrote it
    private static String regex(String g, String named) {
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
                        regex.append('[')
                                .append(set.startsWith("!") ? "^" + set.substring(1) : set)
                                .append(']');
                        i = end;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inGroup) {
            throw new IllegalArgumentException("the " + named + " opens a '{' it never closes");
        }
        return regex.toString();
    }
}
