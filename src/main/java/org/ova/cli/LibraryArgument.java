package org.ova.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.ova.repo.LibraryLayout;

/** Turns the optional {@code [DIR]} argument into a library layout, defaulting to the current folder. */
final class LibraryArgument {

    private LibraryArgument() {}

    static LibraryLayout resolve(CommandLine line, String command) {
        List<String> rest = line.getArgList();
        if (rest.size() > 1) {
            throw new UsageException(
                    command, "expected at most one library folder, got " + rest.size() + ": " + String.join(" ", rest));
        }
        Path dir;
        try {
            dir = Path.of(rest.isEmpty() ? "." : rest.get(0));
        } catch (InvalidPathException e) {
            throw new UsageException(command, "not a valid folder name: " + rest.get(0));
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException(
                    command,
                    Files.exists(dir)
                            ? "not a folder: " + dir + " (name the folder that holds your videos)"
                            : "no such folder: " + dir);
        }
        return new LibraryLayout(dir);
    }
}
