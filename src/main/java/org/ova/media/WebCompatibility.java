package org.ova.media;

import java.util.Locale;
import java.util.Optional;
import org.ova.repo.PlayableFile;

/**
 * Whether browsers play a video file as it is, and if not, what a browser-playable copy needs.
 * Decided from the probe alone (container, codecs, file extension), without decoding anything.
 * Profiles and pixel formats are not looked at: a 10-bit H.264 file counts as playable.
 *
 * @param verdict   what it takes to play the video in a browser
 * @param target    the container the video plays in ({@code PLAYABLE}), or the one to make
 * @param copyAudio the audio (or its absence) can be copied into {@code target}; otherwise it is
 *                  re-encoded (AAC for MP4, Opus for WebM)
 */
public record WebCompatibility(Verdict verdict, BrowserContainer target, boolean copyAudio) {

    /** From cheapest to dearest. */
    public enum Verdict {
        /** Browsers play the file as it is. */
        PLAYABLE,
        /**
         * The video stream plays in browsers but the container (mkv, avi, ts, flv, …) or the audio
         * codec does not: a stream copy fixes it, re-encoding at most the audio.
         */
        NEEDS_REMUX,
        /** The video codec itself (HEVC, MPEG-4 part 2, MPEG-2, WMV, …) has to be re-encoded, to H.264. */
        NEEDS_TRANSCODE
    }

    public static WebCompatibility of(ProbeResult probe) {
        return of(probe.container(), probe.file().getFileName().toString(), probe.videoCodec(), probe.audioCodec());
    }

    /**
     * Whether browsers play a file as it is, need a remux, or need a re-encode.
     *
     * @param formatName ffprobe's format name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code matroska,webm}
     * @param fileName   the file's name; it tells WebM from Matroska, which ffprobe names alike
     */
    public static WebCompatibility of(
            String formatName, String fileName, String videoCodec, Optional<String> audioCodec) {
        Optional<BrowserContainer> own = containerOf(formatName, fileName);
        if (own.isPresent() && own.get().playsVideo(videoCodec)) {
            BrowserContainer container = own.get();
            boolean audioPlays = container.playsAudio(audioCodec);
            return new WebCompatibility(audioPlays ? Verdict.PLAYABLE : Verdict.NEEDS_REMUX, container, audioPlays);
        }
        for (BrowserContainer container : BrowserContainer.values()) {
            if (container.playsVideo(videoCodec)) {
                return new WebCompatibility(Verdict.NEEDS_REMUX, container, container.playsAudio(audioCodec));
            }
        }
        return new WebCompatibility(
                Verdict.NEEDS_TRANSCODE, BrowserContainer.MP4, BrowserContainer.MP4.playsAudio(audioCodec));
    }

    /** The browser container the file is in, if any. */
    static Optional<BrowserContainer> containerOf(String formatName, String fileName) {
        String format = formatName.toLowerCase(Locale.ROOT);
        if (format.startsWith("mov,mp4")) {
            return Optional.of(BrowserContainer.MP4);
        }
        if (format.equals("matroska,webm") && fileName.toLowerCase(Locale.ROOT).endsWith(".webm")) {
            return Optional.of(BrowserContainer.WEBM);
        }
        return Optional.empty();
    }

    /**
     * The file browsers play for a video, decided here once for the whole of ova: the video itself
     * when it plays as it is, else its web proxy once one was made, else none. A video that was not
     * probed (no ffmpeg) is judged by its file extension.
     *
     * @param videoPath the video, relative to the library
     * @param proxyPath its web proxy relative to the library, when one is in place
     */
    public static Optional<PlayableFile> playableFile(
            String videoPath, Optional<ProbeResult> probe, Optional<String> proxyPath) {
        String fileName = videoPath.substring(videoPath.lastIndexOf('/') + 1);
        if (probe.isEmpty()) {
            int dot = fileName.lastIndexOf('.');
            String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
            return BrowserContainer.ofExtension(extension)
                    .map(container -> new PlayableFile(videoPath, container.mimeType()));
        }
        ProbeResult probed = probe.get();
        WebCompatibility compatibility = of(probed.container(), fileName, probed.videoCodec(), probed.audioCodec());
        if (compatibility.verdict() == Verdict.PLAYABLE) {
            return Optional.of(
                    new PlayableFile(videoPath, compatibility.target().mimeType()));
        }
        return proxyPath.map(
                proxy -> new PlayableFile(proxy, compatibility.target().mimeType()));
    }

    /** The copy's file name, e.g. {@code proxy.mp4}; meaningless for {@code PLAYABLE}. */
    public String proxyFileName() {
        return "proxy." + target.extension();
    }
}
