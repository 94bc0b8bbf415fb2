package org.ova.repo.yaml;

import java.nio.file.Path;

/**
 * A problem in a YAML file a person wrote, with the position to look at.
 * The message reads {@code file:line:column: what is wrong}, lines and columns counted from 1.
 */
public final class YamlProblem extends RuntimeException {

    private final Path file;
    private final int line;
    private final int column;
    private final String reason;

    public YamlProblem(Path file, int line, int column, String reason) {
        this(file, line, column, reason, null);
    }

    public YamlProblem(Path file, int line, int column, String reason, Throwable cause) {
        super(file + ":" + line + ":" + column + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /**
     * The message with the file named relative to {@code root} (a library folder), as the console
     * shows it: {@code .ova-repo/metadata/a.mp4.yaml:3:9: reason}.
     */
    public String messageRelativeTo(Path root) {
        Path shown = file.isAbsolute() && file.startsWith(root) ? root.relativize(file) : file;
        return shown.toString().replace('\\', '/') + ":" + line + ":" + column + ": " + reason;
    }

    /** The message without the position prefix. */
    public String reason() {
        return reason;
    }
}
