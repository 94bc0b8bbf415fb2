package org.ova.repo;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;

/**
 * One video of the library as the rest of ova sees it: its stable identity, where it is now,
 * what the person said about it and the few media facts known so far.
 *
 * @param id       stable across renames and moves (derived from the content fingerprint)
 * @param path     relative to the library root, forward slashes
 * @param size     bytes
 * @param added    when ova first saw this content
 * @param metadata the person's metadata (defaults when the file is missing or broken)
 * @param media    what processing found (duration, size, codecs), once the video was probed
 * @param generated thumbnail, sprites, preview, … made for it so far
 * @param vr       the effective VR mode (override, else detected, else flat); never AUTO
 */
public record LibraryVideo(
        String id,
        String path,
        long size,
        Instant added,
        VideoMetadata metadata,
        Optional<MediaFacts> media,
        GeneratedMedia generated,
        VrMode vr) {

    /** The same video with what was generated for it now. */
    public LibraryVideo withGenerated(GeneratedMedia now) {
        return new LibraryVideo(id, path, size, added, metadata, media, now, vr);
    }

    /**
     * The same video after processing: what probing found and what was made, its effective VR mode
     * worked out again from its override and what was detected.
     */
    public LibraryVideo withMedia(Optional<MediaFacts> facts, GeneratedMedia made) {
        VrMode detected = facts.map(MediaFacts::detectedVr).orElse(VrMode.FLAT);
        return new LibraryVideo(
                id, path, size, added, metadata, facts, made, LibraryLoader.effectiveVr(metadata.vr(), detected));
    }

    /**
     * The same video described by {@code now} (after an edit of its metadata file), its effective VR
     * mode worked out again from the new override and what was detected.
     */
    public LibraryVideo withMetadata(VideoMetadata now) {
        VrMode detected = media.map(MediaFacts::detectedVr).orElse(VrMode.FLAT);
        return new LibraryVideo(
                id, path, size, added, now, media, generated, LibraryLoader.effectiveVr(now.vr(), detected));
    }

    /**
     * The same video under its new path (renamed or moved inside the library): the file browsers play
     * moves along when it is the video itself (a web proxy stays where it was made).
     */
    public LibraryVideo movedTo(String now) {
        GeneratedMedia moved = generated
                .playable()
                .filter(playable -> playable.path().equals(path))
                .map(playable -> generated.withPlayable(new PlayableFile(now, playable.mimeType())))
                .orElse(generated);
        return new LibraryVideo(id, now, size, added, metadata, media, moved, vr);
    }

    /** Seconds, when the video was probed. */
    public OptionalDouble duration() {
        return media.map(facts -> OptionalDouble.of(facts.duration())).orElse(OptionalDouble.empty());
    }

    /** The folder part of {@link #path()}, empty for videos at the root. */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The file name without folders. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
