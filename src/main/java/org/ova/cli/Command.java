package org.ova.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One {@code ova} sub-command: its own options, help text, and what it does. */
public interface Command {

    String name();

    /** One line for the command list. */
    String summary();

    /** The argument synopsis after {@code ova NAME}: {@code [OPTIONS] [DIR]}, or {@code [DIR]} without options. */
    default String synopsis() {
        return options().getOptions().isEmpty() ? "[DIR]" : "[OPTIONS] [DIR]";
    }

    /** Options of this command besides the global ones; none by default. */
    default Options options() {
        return new Options();
    }

    /** A few example invocations with a word on each, shown by {@code ova help NAME}. */
    String examples();

    /**
     * Runs the command.
     *
     * @return an {@link ExitCode}
     * @throws UsageException when the arguments or configuration make it impossible to start
     */
    int run(CommandLine line, Console console);
}
