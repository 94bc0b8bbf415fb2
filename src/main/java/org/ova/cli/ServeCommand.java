package org.ova.cli;

import org.apache.commons.cli.CommandLine;

/**
 * {@code ova serve}: reserved for the server (edits, uploads, trimmed downloads). Until it exists
 * the command says so plainly instead of pretending.
 */
final class ServeCommand implements Command {

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "Serve the site with edits, uploads and trimmed downloads (not built yet)";
    }

    @Override
    public String examples() {
        return """
                  ova serve ~/Videos    (not built yet; open the built site's index.html meanwhile)
                """;
    }

    @Override
    public int run(CommandLine line, Console console) {
        LibraryArgument.resolve(line, name());
        console.err()
                .println("ova: 'serve' is not built yet. Run 'ova build DIR' and open the site it prints"
                        + " in a browser, or serve that folder with any static web server.");
        return ExitCode.USAGE_OR_CONFIG_ERROR;
    }
}
