package org.ova.repo.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A problem in a YAML file a person wrote, with the position to look at.
 * The message reads {@code file:line:column: what is wrong}, lines and columns counted from 1.
 * One problem may carry the other independent problems found in the same file
 * ({@link #all}), so a person fixes them in one go instead of one per run; then the message has
 * one such line per problem.
 */
public final class YamlProblem extends RuntimeException {

    private final Path file;
    private final int line;
    private final int column;
    private final String reason;
    private final List<YamlProblem> others;

    public YamlProblem(Path file, int line, int column, String reason) {
        this(file, line, column, reason, null);
    }

    public YamlProblem(Path file, int line, int column, String reason, Throwable cause) {
        this(file, line, column, reason, cause, List.of());
    }

    private YamlProblem(Path file, int line, int column, String reason, Throwable cause, List<YamlProblem> others) {
        super(
                file + ":" + line + ":" + column + ": " + reason
                        + others.stream()
                                .map(other -> "\n" + other.getMessage())
                                .collect(Collectors.joining()),
                cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
        this.others = others;
    }

    /** One problem standing for all of {@code problems} (not empty), each of them flattened, in order. */
    public static YamlProblem all(List<YamlProblem> problems) {
        List<YamlProblem> each = new ArrayList<>();
        problems.forEach(problem -> each.addAll(problem.each()));
        YamlProblem first = each.get(0);
        return each.size() == 1
                ? first
                : new YamlProblem(
                        first.file,
                        first.line,
                        first.column,
                        first.reason,
                        first.getCause(),
                        List.copyOf(each.subList(1, each.size())));
    }

    /** This problem and the others found with it, each a single problem with its own position. */
    public List<YamlProblem> each() {
        if (others.isEmpty()) {
            return List.of(this);
        }
        List<YamlProblem> each = new ArrayList<>(others.size() + 1);
        each.add(new YamlProblem(file, line, column, reason, getCause()));
        each.addAll(others);
        return each;
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
     * shows it: {@code .ova-repo/metadata/a.mp4.yaml:3:9: reason}; one line per problem.
     */
    public String messageRelativeTo(Path root) {
        return each().stream().map(problem -> problem.lineRelativeTo(root)).collect(Collectors.joining("\n"));
    }

    private String lineRelativeTo(Path root) {
        Path shown = file.isAbsolute() && file.startsWith(root) ? root.relativize(file) : file;
        return shown.toString().replace('\\', '/') + ":" + line + ":" + column + ": " + reason;
    }

    /** The first problem's message without the position prefix. */
    public String reason() {
        return reason;
    }
}
