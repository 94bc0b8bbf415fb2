package org.ova.repo.scan;

import java.util.List;
import java.util.regex.Pattern;
import org.ova.repo.Glob;

/**
 * Paths a person asked ova to leave out. A glob with a {@code /} is matched against the whole
 * relative path ({@code raw/**}, {@code trips/*.mov}); one without is matched against the file
 * name at any depth ({@code *.tmp.mp4}), as in {@code .gitignore}.
 * {@code *} and {@code ?} stay within one folder, {@code **} crosses folders, {@code {a,b}} picks
 * one of several, {@code [abc]} one character. Matching is on strings with forward slashes, so it
 * behaves the same on every platform.
 */
public final class ExcludeGlobs {

    private final List<Pattern> wholePath;
    private final List<Pattern> fileName;

    public ExcludeGlobs(List<String> globs) {
        this.wholePath = globs.stream().filter(g -> g.contains("/")).map(Glob::compile).toList();
        this.fileName = globs.stream().filter(g -> !g.contains("/")).map(Glob::compile).toList();
    }

    /** Whether the file at {@code relativePath} (forward slashes) is excluded. */
    public boolean excludes(String relativePath) {
        if (wholePath.isEmpty() && fileName.isEmpty()) {
            return false;
        }
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return matchesAny(fileName, name) || matchesAny(wholePath, relativePath);
    }

    private static boolean matchesAny(List<Pattern> patterns, String text) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }
}
