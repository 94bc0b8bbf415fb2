package org.ova.repo.playlist;

import java.util.Optional;
import org.ova.repo.BuildPhase;
import org.ova.repo.BuildReport;

/**
 * A path a manual playlist lists that is no video's path now: either the video was renamed or moved
 * ({@code now} names where it is, and the playlist shows it from there) or it is missing.
 *
 * @param playlistFile the playlist file, relative to the library ({@code .ova-repo/playlists/weekend.yaml})
 * @param listed       the path as the playlist lists it
 * @param now          the video's path now, when it was renamed or moved
 */
public record ListedPath(String playlistFile, String listed, Optional<String> now) {

    public boolean missing() {
        return now.isEmpty();
    }

    /** What the person should know, without the file name. */
    public String message() {
        return now.map(path -> "lists '" + listed + "', which was renamed or moved to '" + path
                        + "'; the playlist shows it, but write the new path into the file")
                .orElse("lists '" + listed + "', which is not in the library");
    }

    /** A missing video is a problem of the playlists phase; a moved one a warning. */
    public void addTo(BuildReport report) {
        if (missing()) {
            report.problem(BuildPhase.PLAYLISTS, playlistFile, message());
        } else {
            report.warning(playlistFile + ": " + message());
        }
    }
}
