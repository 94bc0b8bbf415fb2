package org.ova.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.logging.log4j.LogManager;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.ConfigFile;

/** {@code ova init [DIR]}: makes a folder of videos an ova library by creating its {@code .ova-repo}. */
final class InitCommand implements Command {

    @Override
    public String name() {
        return "init";
    }

    @Override
    public String summary() {
        return "Create DIR/.ova-repo/ with a commented config.yaml (build does this too)";
    }

    @Override
    public String examples() {
        return """
                  ova init ~/Videos     then edit ~/Videos/.ova-repo/config.yaml and run 'ova build ~/Videos'
                  ova init              the current folder
                """;
    }

    @Override
    public int run(CommandLine line, Console console) {
        LibraryLayout layout = LibraryArgument.resolve(line, name());
        boolean created = create(layout);
        Logging.configure(console.verbosity(), console.debug(), Optional.of(layout.logFile()));
        LogManager.getLogger(InitCommand.class)
                .debug("ova init {}: config {}", layout.root(), created ? "created" : "kept");
        if (created) {
            console.println("Created " + layout.configFile() + " with every option and its default.");
        } else {
            console.println("Already an ova library: " + layout.repoDir() + " (config.yaml kept as it is).");
        }
        console.println(
                "Next: ova build " + line.getArgList().stream().findFirst().orElse("."));
        return ExitCode.OK;
    }

    /**
     * Creates the {@code .ova-repo} folders and a default config when missing; never touches existing files.
     *
     * @return true when the config file was created
     */
    static boolean create(LibraryLayout layout) {
        try {
            Files.createDirectories(layout.metadataDir());
            Files.createDirectories(layout.playlistsDir());
            Files.createDirectories(layout.logsDir());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not create " + layout.repoDir() + ": " + e.getMessage()
                            + " (check that the library folder is writable)",
                    e);
        }
        return ConfigFile.writeDefaultsIfMissing(layout.configFile());
    }
}
