package org.ova.repo.playlist;

import java.util.regex.Pattern;
import org.ova.repo.Glob;

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
        try {
            return new PathGlob(trimmed, Glob.compile(effective));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the folder glob '" + trimmed + "' opens a '{' it never closes", e);
        }
    }

    public boolean matches(String relativePath) {
        return pattern.matcher(relativePath).matches();
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
