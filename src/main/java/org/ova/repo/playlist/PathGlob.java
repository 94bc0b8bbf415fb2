package org.ova.repo.playlist;

import java.util.regex.Pattern;

/**
 * A glob over a video's relative path ({@code folder/sub/file.mp4}): {@code *} matches within one
 * folder name, {@code **} across folders, {@code ?} one character, {@code {a,b}} either choice.
 * A glob without any wildcard names a folder and matches everything below it, so
 * {@code folder: trips} means the same as {@code trips/**}. Matching is case-sensitive, like paths.
 */
public final class PathGlob {

    private final String glob;
    private final Pattern pattern;

    private PathGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    /**
     * @throws IllegalArgumentException when the braces do not pair up
     */
    public static PathGlob of(String glob) {
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
        return new PathGlob(trimmed, Pattern.compile(toRegex(effective, trimmed)));
    }

    public boolean matches(String relativePath) {
        return pattern.matcher(relativePath).matches();
    }

    private static String toRegex(String glob, String asWritten) {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean folderPrefix = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(folderPrefix ? "(?:.*/)?" : ".*");
                i += folderPrefix ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '{') {
                braces++;
                regex.append("(?:");
            } else if (c == '}' && braces > 0) {
                braces--;
                regex.append(')');
            } else if (c == ',' && braces > 0) {
                regex.append('|');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) {
            throw new IllegalArgumentException("the folder glob '" + asWritten + "' opens a '{' it never closes");
        }
        return regex.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathGlob that && glob.equals(that.glob);
    }

    @Override
    public int hashCode() {
        return glob.hashCode();
    }

    /** The glob as written. */
    @Override
    public String toString() {
        return glob;
    }
}
