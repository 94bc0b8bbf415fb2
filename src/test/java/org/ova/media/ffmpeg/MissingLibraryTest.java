package org.ova.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MissingLibraryTest {

    @Test
    void loaderErrorNamesTheLibrary() {
        String stderr = "/home/a/.cache/ova/ffmpeg/x/lib/ffmpeg: error while loading shared libraries: libva.so.2:"
                + " cannot open shared object file: No such file or directory\n";

        assertEquals(Optional.of("libva.so.2"), MissingLibrary.in(stderr));
    }

    @Test
    void otherFailuresNameNoLibrary() {
        assertEquals(Optional.empty(), MissingLibrary.in("Unrecognized option 'foo'.\n"));
    }

    @Test
    void unversionedNameDropsAllVersionNumbers() {
        assertEquals(Optional.of("libva.so"), MissingLibrary.unversioned("libva.so.2"));
        assertEquals(Optional.of("libva-drm.so"), MissingLibrary.unversioned("libva-drm.so.2"));
        assertEquals(Optional.of("libfoo.so"), MissingLibrary.unversioned("libfoo.so.1.2.3"));
        assertEquals(Optional.empty(), MissingLibrary.unversioned("libva.so"));
    }

    @Test
    void missingPulseAudioExplainsEveryFix() {
        assertEquals(
                "the bundled ffmpeg cannot start: libpulse.so.0 is missing — install ffmpeg from your package"
                        + " manager, or the library (Debian/Ubuntu: apt-get install libxcb1 libxcb-shm0 libx11-6"
                        + " libx11-xcb1 libasound2 libpulse0), or set ffmpeg.path in .ova-repo/config.yaml",
                MissingLibrary.explain("libpulse.so.0"));
    }

    @Test
    void anyMissingXOrSoundLibraryNamesTheWholeSetAsTheLoaderStopsAtTheFirst() {
        for (String library : List.of("libxcb-shm.so.0", "libasound.so.2", "libX11-xcb.so.1")) {
            assertTrue(
                    MissingLibrary.explain(library)
                            .contains("apt-get install libxcb1 libxcb-shm0 libx11-6 libx11-xcb1 libasound2 libpulse0"),
                    library);
        }
    }

    @Test
    void unknownLibraryGetsNoPackageName() {
        assertEquals(
                "the bundled ffmpeg cannot start: libodd.so.7 is missing — install ffmpeg from your package"
                        + " manager, or the library, or set ffmpeg.path in .ova-repo/config.yaml",
                MissingLibrary.explain("libodd.so.7"));
    }
}
