package org.ova.media;

import java.util.Optional;
import java.util.Set;

/**
 * The containers browsers play, with the codecs (ffprobe's names) that Chromium, Firefox and Safari
 * all play inside them. HEVC is left out on purpose: Chromium and Firefox play it only with some
 * hardware and operating systems.
 */
public enum BrowserContainer {
    MP4("mp4", Set.of("h264", "av1"), Set.of("aac", "mp3", "opus")),
    WEBM("webm", Set.of("vp8", "vp9", "av1"), Set.of("vorbis", "opus"));

    private final String extension;
    private final Set<String> videoCodecs;
    private final Set<String> audioCodecs;

    BrowserContainer(String extension, Set<String> videoCodecs, Set<String> audioCodecs) {
        this.extension = extension;
        this.videoCodecs = videoCodecs;
        this.audioCodecs = audioCodecs;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    public boolean playsVideo(String codec) {
        return videoCodecs.contains(codec);
    }

    /** True for no audio at all, too. */
    public boolean playsAudio(Optional<String> codec) {
        return codec.isEmpty() || audioCodecs.contains(codec.get());
    }
}
