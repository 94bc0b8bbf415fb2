package org.ova.server;

import java.nio.file.Path;
import org.ova.repo.yaml.YamlProblem;

/**
 * A problem in a file a person edits by hand, as {@code /api/status} and the {@code problems} event
 * carry it to the pages.
 *
 * @param file    relative to the library folder, forward slashes
 * @param line    counted from 1
 * @param column  counted from 1
 * @param message what is wrong, and what the site shows until it is fixed
 */
public record FileProblem(String file, int line, int column, String message) {

    /** {@code problem} with its file named relative to the library folder {@code root}. */
    static FileProblem of(YamlProblem problem, Path root) {
        Path file = problem.file();
        Path shown = file.isAbsolute() && file.startsWith(root) ? root.relativize(file) : file;
        return new FileProblem(shown.toString().replace('\\', '/'), problem.line(), problem.column(), problem.reason());
    }

    /** {@code file:line:column: message}, as the log and the console show it. */
    String text() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
