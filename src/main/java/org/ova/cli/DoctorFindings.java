package org.ova.cli;

import java.util.ArrayList;
import java.util.List;

/** What {@code ova doctor} found: one aligned row per fact as it goes, and the problems to fix. */
final class DoctorFindings {

    private final Console console;
    private final List<String> problems = new ArrayList<>();

    DoctorFindings(Console console) {
        this.console = console;
    }

    void row(String label, String value) {
        console.out().printf("  %-9s %s%n", label, value);
    }

    /** A row that is a problem: {@code shown} on the row, {@code problem} counted for the summary. */
    void problem(String label, String shown, String problem) {
        row(label, shown);
        problems.add(problem);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
