package org.ova.repo.config;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.ova.repo.AtomicFiles;
import org.ova.repo.yaml.YamlDocument;
import org.ova.repo.yaml.YamlProblem;

/**
 * Reads and creates a library's {@code .ova-repo/config.yaml}. A missing or empty file means all
 * defaults; anything a person wrote wrong fails with a {@link YamlProblem} that names the file,
 * line and column and says what is allowed there.
 */
public final class ConfigFile {

    private ConfigFile() {}

    /**
     * The settings in {@code configFile}; defaults when it does not exist.
     *
     * @throws YamlProblem on invalid YAML, an unknown key, or a value of the wrong kind or range
     * @throws java.io.UncheckedIOException when the file exists but cannot be read
     */
    public static OvaConfig read(Path configFile) {
        if (!Files.exists(configFile)) {
            return OvaConfig.defaults();
        }
        return ConfigSchema.decode(YamlDocument.read(configFile).asMap());
    }

    /**
     * The commented file {@code ova init} writes: every option with its default and a one-line
     * comment. Reading it back gives exactly {@link OvaConfig#defaults()}.
     */
    public static String defaultText() {
        return DefaultConfigText.render(ConfigSchema.SECTIONS);
    }

    /**
     * Writes {@link #defaultText()} to {@code configFile} (atomically, creating folders) when
     * nothing is there yet; a person's existing file, or a link in its place, is never touched.
     *
     * @return true when the file was written
     */
    public static boolean writeDefaultsIfMissing(Path configFile) {
        if (Files.exists(configFile, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return AtomicFiles.createIfAbsent(configFile, defaultText());
    }
}
