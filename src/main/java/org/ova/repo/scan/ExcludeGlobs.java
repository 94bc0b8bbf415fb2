package org.ova.repo.scan;

import java.util.List;
import org.ova.repo.Glob;

/**
 * Paths a person asked ova to leave out ({@code library.exclude}), in {@link Glob} syntax. A glob
 * with a {@code /} is matched against the whole relative path ({@code raw/**}, {@code trips/*.mov});
 * one without is matched against the file name at any depth ({@code *.tmp.mp4}), as in
 * {@code .gitignore}.
 */
public final class ExcludeGlobs {

    private final List<Glob> wholePath;
    private final List<Glob> fileName;

    public ExcludeGlobs(List<String> globs) {
        this.wholePath =
                globs.stream().filter(g -> g.contains("/")).map(Glob::compile).toList();
        this.fileName =
                globs.stream().filter(g -> !g.contains("/")).map(Glob::compile).toList();
    }

    /** Whether the file at {@code relativePath} (forward slashes) is excluded. */
    public boolean excludes(String relativePath) {
        if (wholePath.isEmpty() && fileName.isEmpty()) {
            return false;
        }
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return fileName.stream().anyMatch(glob -> glob.matches(name))
                || wholePath.stream().anyMatch(glob -> glob.matches(relativePath));
    }
}
