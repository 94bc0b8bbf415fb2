package org.ova.repo.playlist;

import java.util.OptionalInt;

/**
 * A playlist whose videos are chosen by rules, so it stays current as the library changes.
 *
 * @param limit at most this many videos after sorting, when present
 */
public record SmartPlaylist(
        String id, String title, String description, PlaylistRules rules, PlaylistSort sort, OptionalInt limit)
        implements Playlist {}
