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

    private static final Pattern LOADER_ERROR =
            Pattern.compile("error while loading shared libraries: ([^:\\s]+):");
    private static final Pattern SONAME_VERSION = Pattern.compile("(\\.so)(\\.\\d+)+$");

    /** Debian/Ubuntu packages for system libraries the bundled build links against. */
    private static final Map<String, String> DEBIAN_PACKAGES = Map.of(
            "libpulse.so.0", "libpulse0",
            "libxcb.so.1", "libxcb1",
            "libstdc++.so.6", "libstdc++6",
            "libz.so.1", "zlib1g");

    private MissingLibrary() {
    }

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
        String install = debian == null
                ? "or the library"
                : "or the library (Debian/Ubuntu: apt-get install " + debian + ")";
        return "the bundled ffmpeg cannot start: " + library + " is missing — install ffmpeg from your"
                + " package manager, " + install + ", or set ffmpeg.path in .ova-repo/config.yaml";
    }
}
