package org.ova.repo.scan;

import java.util.List;
import java.util.regex.Pattern;

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
        this.wholePath = globs.stream().filter(g -> g.contains("/")).map(ExcludeGlobs::compile).toList();
        this.fileName = globs.stream().filter(g -> !g.contains("/")).map(ExcludeGlobs::compile).toList();
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

    static Pattern compile(String glob) {
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
        return Pattern.compile(regex.toString());
    }
}
