package org.ova.cli;

import org.ova.repo.LibraryLayout;
import org.ova.repo.config.ConfigFile;
import org.ova.repo.config.OvaConfig;

/** The step every library command starts with: read the config. */
final class LibraryOpener {

    private LibraryOpener() {}

    /**
     * @throws org.ova.repo.yaml.YamlProblem when config.yaml is invalid
     */
    static OvaConfig readConfig(LibraryLayout layout) {
        return ConfigFile.read(layout.configFile());
    }
}
