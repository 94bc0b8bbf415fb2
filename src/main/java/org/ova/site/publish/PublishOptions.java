package org.ova.site.publish;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ova publish} makes: where, how the videos travel, and which part of the library.
 *
 * @param out          the published folder
 * @param videos       how the video files get into it
 * @param videoBaseUrl where the videos are hosted instead (their library paths are appended), when set
 * @param subset       which videos to publish; an empty subset publishes the whole library
 * @param force        publish into a non-empty folder ova did not make
 */
public record PublishOptions(Path out, VideoFiles videos, Optional<String> videoBaseUrl, Subset subset, boolean force) {

    public PublishOptions {
        out = out.toAbsolutePath().normalize();
        videoBaseUrl = videoBaseUrl.map(url -> url.endsWith("/") ? url : url + "/");
    }

    /** How video files get into the published folder. */
    public enum VideoFiles {
        /** Hard links where the folder is on the library's file system (no space used), copies elsewhere. */
        LINK,
        /** Always copies. */
        COPY,
        /** No video files: the pages link to where they would be, for a person to put them there. */
        NONE
    }

    /**
     * Videos to publish: those with any of {@code tags}, in any of {@code playlists} (by id) or under
     * any of {@code folders} (library-relative). All empty: every video.
     */
    public record Subset(Set<String> tags, Set<String> playlists, Set<String> folders) {

        public static final Subset ALL = new Subset(Set.of(), Set.of(), Set.of());

        public Subset {
            tags = Set.copyOf(tags);
            playlists = Set.copyOf(playlists);
            folders = Set.copyOf(folders);
        }

        public boolean isAll() {
            return tags.isEmpty() && playlists.isEmpty() && folders.isEmpty();
        }
    }
}
