package org.ova.media.ffmpeg;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
public record FfmpegCapabilities(String version, Set<String> hwaccels, Set<String> encoders,
                                 Set<String> decoders, Set<String> filters) {

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

    private static Set<String> frozen(Set<String> names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }
}
