package org.ova.cli;

import java.io.PrintStream;

/**
 * Where a command writes what the user asked to see (help, reports) as opposed to log lines,
 * and how loud it may be.
 */
public record Console(PrintStream out, PrintStream err, Verbosity verbosity, boolean debug) {

    /** A line of the command's result, suppressed by {@code --quiet}. */
    public void println(String line) {
        if (verbosity != Verbosity.QUIET) {
            out.println(line);
        }
    }
}
