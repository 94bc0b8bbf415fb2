package org.ova.repo.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the independent values of one YAML file, keeping each value's {@link YamlProblem} and
 * going on with a fallback, so that every mistake in the file is reported at once rather than
 * one per run. Not shared between threads: one collector reads one file.
 */
public final class YamlProblemCollector {

    private static final Comparator<YamlProblem> IN_FILE_ORDER =
            Comparator.comparingInt(YamlProblem::line).thenComparingInt(YamlProblem::column);

    private final List<YamlProblem> problems = new ArrayList<>();

    /** What {@code read} returns, or {@code fallback} when it finds a problem (which is kept). */
    public <T> T read(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (YamlProblem problem) {
            problems.add(problem);
            return fallback;
        }
    }

    /** Runs {@code check}, keeping the problem it finds. */
    public void check(Runnable check) {
        try {
            check.run();
        } catch (YamlProblem problem) {
            problems.add(problem);
        }
    }

    /** Keeps a problem found without a read. */
    public void add(YamlProblem problem) {
        problems.add(problem);
    }

    /** Every problem kept so far, each with its own position, in the order of the file. */
    public List<YamlProblem> problems() {
        if (problems.isEmpty()) {
            return List.of();
        }
        List<YamlProblem> each = new ArrayList<>(YamlProblem.all(problems).each());
        each.sort(IN_FILE_ORDER);
        return List.copyOf(each);
    }

    /** Throws one {@link YamlProblem} standing for all kept problems, in the order of the file, when there are any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw YamlProblem.all(problems());
        }
    }
}
