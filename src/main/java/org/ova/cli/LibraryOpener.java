package org.ova.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegLocator;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.ConfigFile;
import org.ova.repo.config.OvaConfig;

/** The steps every library command starts with: read the config, find ffmpeg. */
final class LibraryOpener {

    private LibraryOpener() {}

    /**
     * @throws org.ova.repo.yaml.YamlProblem when config.yaml is invalid
     */
    static OvaConfig readConfig(LibraryLayout layout) {
        return ConfigFile.read(layout.configFile());
    }

    /** Finds ffmpeg as configured; relative configured paths are taken from the library folder. */
    static FfmpegInstallation locateFfmpeg(LibraryLayout layout, OvaConfig config) {
        return FfmpegLocator.forThisMachine()
                .locate(
                        fromLibrary(layout, config.ffmpeg().ffmpegBinary()),
                        fromLibrary(layout, config.ffmpeg().ffprobeBinary()));
    }

    private static Optional<Path> fromLibrary(LibraryLayout layout, Optional<Path> configured) {
        return configured.map(path -> layout.root().resolve(path));
    }
}
