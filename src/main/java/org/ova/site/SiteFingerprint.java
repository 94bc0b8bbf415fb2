package org.ova.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.playlist.Playlist;
import org.ova.repo.playlist.PlaylistEvaluator;
import org.ova.repo.playlist.SmartPlaylist;
import org.ova.site.render.internal.ContentHash;

/**
 * A hash of everything a site render reads: the library as loaded (videos, metadata, generated
 * media, config, playlists), what the playlists whose rules depend on the time hold at build time, the sprite WebVTT files' sizes
 * and times (their text goes into video pages), the theme and the code that renders it (see
 * {@link ThemeFiles#stamp}), and where the site sits relative to the library. When it equals the
 * last build's, the site is already what this build would write, so a no-op build renders nothing.
 */
final class SiteFingerprint {

    /** What a site folder's manifest records while no render has made it whole for known inputs. */
    static final String UNKNOWN = "";

    /** Parts the videos are hashed in, so that all cores have work. */
    private static final int RUNS = 64;

    /** The videos of the last call, and the digest of each of their runs. */
    private List<LibraryVideo> hashed = List.of();

    private List<byte[]> runDigests = List.of();

    /**
     * @param now   the build time (playlists' {@code addedWithin} rules depend on it)
     * @param theme the theme's {@link ThemeFiles#stamp}
     * @param links the prefix from the site to the library
     */
    static String of(Library library, Instant now, String theme, String links) {
        return new SiteFingerprint().next(library, now, theme, links);
    }

    /**
     * {@link #of}, hashing again only the runs of videos that are not the same objects as at the last
     * call of this instance: how {@link LiveSite} follows edits of a few videos. A reused run counts its
     * sprite files as they were then; they change only in processing, which renders the whole site.
     */
    String next(Library library, Instant now, String theme, String links) {
        ContentHash hash = new ContentHash()
                .add("ova-site-3")
                .add(theme)
                .add(links)
                .add(library.layout())
                .add(library.config())
                .add(library.playlists())
                .add(library.duplicates());
        // the videos, with their sprite files' stamps, are most of the work: hashed in runs on all cores,
        // then combined in their order (a run, not a video, per digest: finishing one costs as much as a video)
        List<LibraryVideo> videos = library.videos();
        Path root = library.layout().root();
        int runs = Math.min(videos.size(), RUNS);
        List<byte[]> digests = IntStream.range(0, runs)
                .parallel()
                .mapToObj(run -> {
                    int from = videos.size() * run / runs;
                    int to = videos.size() * (run + 1) / runs;
                    if (sameObjects(videos, hashed, from, to)) {
                        return runDigests.get(run);
                    }
                    ContentHash part = new ContentHash();
                    for (LibraryVideo video : videos.subList(from, to)) {
                        part.add(video);
                        video.generated().spritesVtt().ifPresent(path -> part.add(stamp(root.resolve(path))));
                    }
                    return part.digest();
                })
                .toList();
        digests.forEach(hash::addDigest);
        hashed = videos;
        runDigests = digests;
        // a playlist is a pure function of itself and the videos, both hashed above, and of the build time
        // only through "added within": those are evaluated, so that a build at another time hashes the same
        for (Playlist playlist : library.playlists()) {
            if (!(playlist instanceof SmartPlaylist smart)
                    || smart.rules().addedWithin().isEmpty()) {
                continue;
            }
            hash.add(playlist.id())
                    .add(PlaylistEvaluator.evaluate(
                                    playlist,
                                    library.videos(),
                                    now,
                                    playlist.id().hashCode())
                            .stream()
                            .map(LibraryVideo::id)
                            .toList());
        }
        return hash.hex();
    }

    /** Whether {@code now} and {@code before} are as long and hold the same objects from {@code from} to {@code to}. */
    @SuppressWarnings("ReferenceEquality") // the same objects: an equal video would cost a comparison of all it holds
    private static boolean sameObjects(List<LibraryVideo> now, List<LibraryVideo> before, int from, int to) {
        if (now.size() != before.size()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (now.get(i) != before.get(i)) {
                return false;
            }
        }
        return true;
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
