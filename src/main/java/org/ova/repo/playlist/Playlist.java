package org.ova.repo.playlist;

/**
 * A named list of videos a person defined in {@code .ova-repo/playlists/<id>.yaml}: either rules that
 * pick videos ({@link SmartPlaylist}) or paths in a chosen order ({@link ManualPlaylist}).
 */
public sealed interface Playlist permits SmartPlaylist, ManualPlaylist {

    /** The file name without {@code .yaml}; stable, used in the site's addresses. */
    String id();

    String title();

    /** Free text, may be empty. */
    String description();
}
