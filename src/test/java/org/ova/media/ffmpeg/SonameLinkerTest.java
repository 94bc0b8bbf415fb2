package org.ova.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SonameLinkerTest {

    private final SonameLinker linker = new SonameLinker(new CommandRunner(Duration.ofSeconds(10)));

    /** A stand-in binary that fails like the dynamic loader until each named soname is in lib/. */
    private static Path fakeBinary(Path dir, String... needed) throws Exception {
        StringBuilder script = new StringBuilder("#!/bin/sh\nlib=\"$(dirname \"$0\")/lib\"\n");
        for (String soname : needed) {
            script.append("[ -e \"$lib/")
                    .append(soname)
                    .append("\" ] || { echo \"$0: error while loading shared")
                    .append(" libraries: ")
                    .append(soname)
                    .append(": cannot open shared object file: No such file")
                    .append(" or directory\" >&2; exit 127; }\n");
        }
        script.append("echo 'ffmpeg version 7.1.1'\n");
        Path binary = dir.resolve("ffmpeg");
        Files.writeString(binary, script);
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return binary;
    }

    @Test
    void missingSonamesAreLinkedToTheUnversionedLibraries(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectory(dir.resolve("lib"));
        Files.writeString(lib.resolve("libva.so"), "");
        Files.writeString(lib.resolve("libva-drm.so"), "");
        Path binary = fakeBinary(dir, "libva.so.2", "libva-drm.so.2");

        assertEquals(List.of("libva.so.2", "libva-drm.so.2"), linker.makeStartable(binary, lib));
        assertEquals(Path.of("libva.so"), Files.readSymbolicLink(lib.resolve("libva.so.2")));
        assertEquals(Path.of("libva-drm.so"), Files.readSymbolicLink(lib.resolve("libva-drm.so.2")));
    }

    @Test
    void aStartingBinaryNeedsNoLinks(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectory(dir.resolve("lib"));

        assertEquals(List.of(), linker.makeStartable(fakeBinary(dir), lib));
    }

    @Test
    void aSystemLibraryWeCannotProvideIsExplained(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectory(dir.resolve("lib"));
        Path binary = fakeBinary(dir, "libpulse.so.0");

        FfmpegException e = assertThrows(FfmpegException.class, () -> linker.makeStartable(binary, lib));

        assertEquals(MissingLibrary.explain("libpulse.so.0"), e.getMessage());
    }
}
