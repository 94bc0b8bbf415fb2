package org.ova.server;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.config.ConfigFile;
import org.ova.repo.config.LibraryOptions;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.config.SiteOptions;
import org.ova.repo.yaml.YamlProblem;

/**
 * The settings a running server uses after {@code config.yaml} was edited by hand. What the site shows
 * (title, page size, language, …) takes effect at once; where the site is written, its theme, which
 * files are videos ({@code library:} but its title) and the server's own options ({@code server:}) take effect when {@code ova serve}
 * starts again, which is logged once per change. A broken file keeps the last good settings.
 */
final class LiveConfig {

    private static final Logger LOG = LogManager.getLogger(LiveConfig.class);

    private final Path file;
    /** The restart-only part of the file as last read, so each change of it is logged once. */
    private List<Object> lastRestartOnly;

    /** @param running the settings the server started with */
    LiveConfig(Path file, OvaConfig running) {
        this.file = file;
        this.lastRestartOnly = restartOnly(running);
    }

    /**
     * The settings to use now: the file's, with the restart-only parts of {@code running}; {@code running}
     * itself when the file is broken, its problems handed to {@code problems}.
     */
    OvaConfig read(OvaConfig running, Consumer<YamlProblem> problems) {
        OvaConfig read;
        try {
            read = ConfigFile.read(file);
        } catch (YamlProblem problem) {
            problem.each()
                    .forEach(each -> problems.accept(new YamlProblem(
                            each.file(),
                            each.line(),
                            each.column(),
                            each.reason() + " (keeping the last good settings until fixed)")));
            return running;
        } catch (UncheckedIOException e) {
            problems.accept(new YamlProblem(
                    file, 1, 1, "could not be read (" + e.getMessage() + "); keeping the last good settings", e));
            return running;
        }
        List<Object> restartOnly = restartOnly(read);
        if (!restartOnly.equals(lastRestartOnly) && !restartOnly.equals(restartOnly(running))) {
            LOG.warn(
                    "{}: changes of site.output, site.theme, library: (but its title) and server: take effect when ova serve"
                            + " starts again.",
                    file);
        }
        lastRestartOnly = restartOnly;
        SiteOptions site = new SiteOptions(
                running.site().output(),
                read.site().pageSize(),
                running.site().theme(),
                read.site().language());
        LibraryOptions library = new LibraryOptions(
                read.library().title(),
                running.library().extensions(),
                running.library().exclude(),
                running.library().followSymlinks());
        return new OvaConfig(library, read.ffmpeg(), read.processing(), site, running.server());
    }

    private static List<Object> restartOnly(OvaConfig config) {
        LibraryOptions library = config.library();
        return List.of(
                config.site().output(),
                config.site().theme(),
                library.extensions(),
                library.exclude(),
                library.followSymlinks(),
                config.server());
    }
}
