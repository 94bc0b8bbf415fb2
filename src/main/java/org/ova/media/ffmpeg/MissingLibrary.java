package org.ova.media.ffmpeg;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dynamic loader's "error while loading shared libraries" complaint, and words the
 * message a person sees when a library the bundled ffmpeg needs is not on this machine.
 */
final class MissingLibrary {

    private static final Pattern LOADER_ERROR = Pattern.compile("error while loading shared libraries: ([^:\\s]+):");
    private static final Pattern SONAME_VERSION = Pattern.compile("(\\.so)(\\.\\d+)+$");

    /**
     * The bundled build's X and sound libraries come as one set: the loader names only the first
     * one missing, and a bare server or GPU image lacks them all (seen on an NVIDIA H200 machine:
     * libxcb-shm first, then libasound and libpulse). These packages pull in the rest.
     */
    private static final String GRAPHICS_AND_SOUND = "libxcb1 libxcb-shm0 libx11-6 libx11-xcb1 libasound2 libpulse0";

    /** Debian/Ubuntu packages for system libraries the bundled build links against. */
    private static final Map<String, String> DEBIAN_PACKAGES = Map.of(
            "libpulse.so.0", GRAPHICS_AND_SOUND,
            "libxcb.so.1", GRAPHICS_AND_SOUND,
            "libxcb-shm.so.0", GRAPHICS_AND_SOUND,
            "libX11.so.6", GRAPHICS_AND_SOUND,
            "libX11-xcb.so.1", GRAPHICS_AND_SOUND,
            "libasound.so.2", GRAPHICS_AND_SOUND,
            "libsndfile.so.1", GRAPHICS_AND_SOUND,
            "libstdc++.so.6", "libstdc++6",
            "libz.so.1", "zlib1g");

    private MissingLibrary() {}

    /** The library the loader could not find, e.g. {@code libva.so.2}, if the output says so. */
    static Optional<String> in(String loaderOutput) {
        Matcher m = LOADER_ERROR.matcher(loaderOutput);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The unversioned name a versioned soname points at: {@code libva.so.2} → {@code libva.so}. */
    static Optional<String> unversioned(String soname) {
        Matcher m = SONAME_VERSION.matcher(soname);
        return m.find() ? Optional.of(soname.substring(0, m.start()) + m.group(1)) : Optional.empty();
    }

    /** The one-line explanation for a library we cannot provide ourselves. */
    static String explain(String library) {
        String debian = DEBIAN_PACKAGES.get(library);
        String install =
                debian == null ? "or the library" : "or the library (Debian/Ubuntu: apt-get install " + debian + ")";
        return "the bundled ffmpeg cannot start: " + library + " is missing — install ffmpeg from your"
                + " package manager, " + install + ", or set ffmpeg.path in .ova-repo/config.yaml";
    }
}
