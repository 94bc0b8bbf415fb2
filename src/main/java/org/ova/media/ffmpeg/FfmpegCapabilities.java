package org.ova.media.ffmpeg;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one ffmpeg binary can do, read once from its own listings: the processing steps pick
 * encoders and hardware decoding from this instead of assuming a particular build.
 *
 * @param version the version word, e.g. {@code 7.1.1} or {@code 5.1.6-0+deb12u1}
 * @param hwaccels hardware acceleration methods ({@code -hwaccels}), e.g. {@code cuda}, {@code vaapi}
 * @param encoders encoder names ({@code -encoders}), in ffmpeg's order
 * @param decoders decoder names ({@code -decoders}), in ffmpeg's order
 * @param filters filter names ({@code -filters}), in ffmpeg's order
 */
public record FfmpegCapabilities(
        String version, Set<String> hwaccels, Set<String> encoders, Set<String> decoders, Set<String> filters) {

    /** The oldest release ova works with: Ubuntu 22.04 ships 4.4, Debian 12 ships 5.1. */
    public static final String MINIMUM_VERSION = "4.4";

    private static final Pattern RELEASE = Pattern.compile("^n?(\\d+)\\.(\\d+)");

    /** Software H.264 encoders, best first. */
    private static final List<String> SOFTWARE_H264 = List.of("libx264", "libopenh264");

    public FfmpegCapabilities {
        hwaccels = frozen(hwaccels);
        encoders = frozen(encoders);
        decoders = frozen(decoders);
        filters = frozen(filters);
    }

    public boolean hasEncoder(String name) {
        return encoders.contains(name);
    }

    public boolean hasDecoder(String name) {
        return decoders.contains(name);
    }

    public boolean hasFilter(String name) {
        return filters.contains(name);
    }

    public boolean hasHwaccel(String name) {
        return hwaccels.contains(name);
    }

    /** The best software H.264 encoder: libx264, else libopenh264. */
    public Optional<String> h264Encoder() {
        return h264Encoder(false);
    }

    /**
     * The best H.264 encoder. {@code h264_nvenc} is listed by builds that merely support it, even on
     * machines without an NVIDIA GPU, so it is only offered when the caller asks for hardware.
     *
     * @param allowNvenc prefer {@code h264_nvenc} when listed
     */
    public Optional<String> h264Encoder(boolean allowNvenc) {
        if (allowNvenc && hasEncoder("h264_nvenc")) {
            return Optional.of("h264_nvenc");
        }
        return SOFTWARE_H264.stream().filter(this::hasEncoder).findFirst();
    }

    /**
     * Whether this is at least release {@code major.minor}. Builds without a release number (git
     * snapshots such as {@code N-113000-g…}) count as new.
     */
    public boolean atLeast(int major, int minor) {
        Matcher release = RELEASE.matcher(version);
        if (!release.find()) {
            return true;
        }
        int foundMajor = Integer.parseInt(release.group(1));
        return foundMajor > major || (foundMajor == major && Integer.parseInt(release.group(2)) >= minor);
    }

    /** Whether this release is older than {@link #MINIMUM_VERSION}. */
    public boolean tooOld() {
        return !atLeast(4, 4);
    }

    /**
     * The output option that keeps frames with their own timestamps (no duplicates, no drops):
     * {@code -fps_mode vfr} since ffmpeg 5.1, {@code -vsync vfr} before (deprecated since).
     */
    public List<String> variableFrameRate() {
        return atLeast(5, 1) ? List.of("-fps_mode", "vfr") : List.of("-vsync", "vfr");
    }

    private static Set<String> frozen(Set<String> names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }
}
