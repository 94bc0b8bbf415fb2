package org.ova.repo;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems met during one command, collected instead of stopping at the first, so that one
 * bad file never stops a library. Every phase adds to it; the CLI prints it once at the end.
 * Safe to add to from several threads.
 */
public final class BuildReport {

    /** One problem: in which phase, on which file (relative to the library where possible), and why. */
    public record Problem(BuildPhase phase, String file, String message) {

        /** One line for the console: {@code [phase] file: message}. */
        public String line() {
            return "[" + phase.key() + "] " + (file.isEmpty() ? "" : file + ": ") + message;
        }
    }

    private final List<Problem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public synchronized void problem(BuildPhase phase, String file, String message) {
        problems.add(new Problem(phase, file, message));
    }

    /** Something worth telling that does not make the command fail (a duplicate, a moved video). */
    public synchronized void warning(String message) {
        warnings.add(message);
    }

    public synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }

    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    public synchronized boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** At most {@code limit} problem lines, then one line counting the rest. */
    public synchronized List<String> summaryLines(int limit) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < problems.size() && i < limit; i++) {
            lines.add(problems.get(i).line());
        }
        if (problems.size() > limit) {
            lines.add("... and " + (problems.size() - limit) + " more (all are in the log file)");
        }
        return lines;
    }
}
