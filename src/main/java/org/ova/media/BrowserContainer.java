package org.ova.media;

import java.util.Optional;
import java.util.Set;

/**
 * The containers browsers play, with the codecs (ffprobe's names) that Chromium, Firefox and Safari
 * all play inside them. HEVC is left out on purpose: Chromium and Firefox play it only with some
 * hardware and operating systems.
 */
@SuppressWarnings("ImmutableEnumChecker") // the sets are Set.of: immutable
public enum BrowserContainer {
    MP4("mp4", "video/mp4", Set.of("mp4", "m4v", "mov"), Set.of("h264", "av1"), Set.of("aac", "mp3", "opus")),
    WEBM("webm", "video/webm", Set.of("webm"), Set.of("vp8", "vp9", "av1"), Set.of("vorbis", "opus"));

    private final String extension;
    private final String mimeType;
    private final Set<String> fileExtensions;
    private final Set<String> videoCodecs;
    private final Set<String> audioCodecs;

    BrowserContainer(
            String extension,
            String mimeType,
            Set<String> fileExtensions,
            Set<String> videoCodecs,
            Set<String> audioCodecs) {
        this.extension = extension;
        this.mimeType = mimeType;
        this.fileExtensions = fileExtensions;
        this.videoCodecs = videoCodecs;
        this.audioCodecs = audioCodecs;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** {@code video/mp4} or {@code video/webm}, as the player's {@code <source type>}. */
    public String mimeType() {
        return mimeType;
    }

    /** The container a file's name says it is in (lower-case extension without the dot), if a browser one. */
    public static Optional<BrowserContainer> ofExtension(String fileExtension) {
        for (BrowserContainer container : values()) {
            if (container.fileExtensions.contains(fileExtension)) {
                return Optional.of(container);
            }
        }
        return Optional.empty();
    }

    public boolean playsVideo(String codec) {
        return videoCodecs.contains(codec);
    }

    /** True for no audio at all, too. */
    public boolean playsAudio(Optional<String> codec) {
        return codec.isEmpty() || audioCodecs.contains(codec.get());
    }
}
