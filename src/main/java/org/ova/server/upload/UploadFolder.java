package org.ova.server.upload;

import java.nio.file.Path;
import org.ova.repo.LibraryLayout;
import org.ova.server.HttpProblem;

/**
 * The library folder an upload goes into, from the path the person chose ({@code ""} for the library's
 * own folder, {@code trips/2026} for one below it, existing or new): only folders the scan lists, so
 * no {@code ..}, absolute path, backslash, NUL, hidden or excluded-by-name part, and never
 * {@code .ova-repo}.
 */
public final class UploadFolder {

    private UploadFolder() {}

    /**
     * @return the folder, inside the library (it may not exist yet)
     * @throws HttpProblem 400 saying what is wrong with the path
     */
    public static Path of(LibraryLayout layout, String chosen) {
        String path = chosen == null ? "" : chosen.strip();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            return layout.root();
        }
        if (path.startsWith("/") || path.contains("\\") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw refused(chosen, "a folder inside the library is needed, written like trips/2026");
        }
        Path folder = layout.root();
        for (String part : path.split("/")) {
            String name = part.strip();
            if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
                throw refused(chosen, "a folder inside the library is needed, written like trips/2026");
            }
            if (name.startsWith(".")) {
                throw refused(chosen, "hidden folders (a name starting with a dot) are not listed");
            }
            folder = folder.resolve(name);
        }
        if (!folder.normalize().startsWith(layout.root()) || folder.startsWith(layout.repoDir())) {
            throw refused(chosen, "a folder inside the library is needed");
        }
        return folder;
    }

    private static HttpProblem refused(String chosen, String why) {
        return HttpProblem.badRequest("Refused the folder '" + (chosen == null ? "" : chosen) + "'", why);
    }
}
