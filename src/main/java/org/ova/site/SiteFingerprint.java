package org.ova.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.playlist.Playlist;
import org.ova.repo.playlist.PlaylistEvaluator;
import org.ova.site.render.internal.ContentHash;

/**
 * A hash of everything a site render reads: the library as loaded (videos, metadata, generated
 * media, config, playlists), what the playlists hold at build time, the sprite WebVTT files' sizes
 * and times (their text goes into video pages), the theme and the code that renders it (see
 * {@link ThemeFiles#stamp}), and where the site sits relative to the library. When it equals the
 * last build's, the site is already what this build would write, so a no-op build renders nothing.
 */
final class SiteFingerprint {

    private SiteFingerprint() {
    }

    /**
     * @param now   the build time (playlists' {@code addedWithin} rules depend on it)
     * @param theme the theme's {@link ThemeFiles#stamp}
     * @param links the prefix from the site to the library
     */
    static String of(Library library, Instant now, String theme, String links) {
        ContentHash hash = new ContentHash().add("ova-site-3").add(theme).add(links).add(library.layout())
                .add(library.config()).add(library.playlists()).add(library.duplicates());
        // the videos, with their sprite files' stamps, are most of the work: hashed on all cores, then
        // combined in their order
        library.videos().parallelStream().map(video -> video(video, library.layout().root())).toList()
                .forEach(hash::add);
        for (Playlist playlist : library.playlists()) {
            hash.add(playlist.id()).add(PlaylistEvaluator.evaluate(playlist, library.videos(), now,
                    playlist.id().hashCode()).stream().map(LibraryVideo::id).toList());
        }
        return hash.hex();
    }

    private static ContentHash video(LibraryVideo video, Path root) {
        ContentHash hash = new ContentHash().add(video);
        video.generated().spritesVtt().ifPresent(path -> hash.add(stamp(root.resolve(path))));
        return hash;
    }

    /** "size mtime" of a file, or "missing". */
    static String stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + " " + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }
}
