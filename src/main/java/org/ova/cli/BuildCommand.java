package org.ova.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code ova build [DIR]}: scan, process and render a library. */
final class BuildCommand implements Command {

    @Override
    public String name() {
        return "build";
    }

    @Override
    public String summary() {
        return "Scan, process and render the library site";
    }

    @Override
    public String synopsis() {
        return "[OPTIONS] [DIR]";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public String examples() {
        return "  ova build ~/Videos\n";
    }

    @Override
    public int run(CommandLine line, Console console) {
        LibraryArgument.resolve(line, name());
        return ExitCode.OK;
    }
}
