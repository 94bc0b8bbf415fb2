package org.ova.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The text of {@code ova --help} and {@code ova help COMMAND}. */
final class HelpText {

    private static final String EXIT_CODES = """
            Exit codes:
              0  everything worked
              1  completed, but some videos or files had problems (each listed once at the end)
              2  usage or configuration error, or another ova is working on the library: nothing was done
            """;

    private HelpText() {}

    static String overview(Collection<Command> commands) {
        StringBuilder text = new StringBuilder();
        text.append("ova ")
                .append(Version.current())
                .append(" - turns a folder of videos into a video library website\n\n");
        text.append("Usage: ova [GLOBAL OPTIONS] COMMAND [OPTIONS] [DIR]\n\n");
        text.append("Commands:\n");
        for (Command command : commands) {
            text.append(String.format("  %-8s %s%n", command.name(), command.summary()));
        }
        text.append("\nGlobal options (also accepted after the command):\n");
        text.append(optionLines(OvaCli.GlobalOptions.options()));
        text.append("\n").append(EXIT_CODES);
        text.append("""

                Examples:
                  ova build ~/Videos          scan, process and render the site of ~/Videos
                  ova serve --open ~/Videos   the site over http with trimmed downloads, until Ctrl-C
                  ova trim talk.mp4 1:02 3:04 cut a part into an MP4
                  ova doctor ~/Videos         check ffmpeg, the configuration and the library
                  ova publish ~/Videos --to /media/usb/videos
                                              a copy of the site, media and videos that works anywhere
                  ova help build              options of one command

                ova keeps everything it writes in DIR/.ova-repo/ (config.yaml, metadata, logs/ova.log).
                """);
        return text.toString();
    }

    static String forCommand(Command command) {
        StringBuilder text = new StringBuilder();
        text.append("Usage: ova ")
                .append(command.name())
                .append(' ')
                .append(command.synopsis())
                .append("\n\n");
        text.append(command.summary()).append("\n");
        if (!command.options().getOptions().isEmpty()) {
            text.append("\nOptions:\n").append(optionLines(command.options()));
        }
        text.append("\nGlobal options:\n").append(optionLines(OvaCli.GlobalOptions.options()));
        text.append("\nExamples:\n").append(command.examples().stripTrailing()).append("\n\n");
        text.append(EXIT_CODES);
        return text.toString();
    }

    private static String optionLines(Options options) {
        List<String> lines = new ArrayList<>();
        for (Option option : options.getOptions()) {
            String names = (option.getOpt() == null ? "    " : "-" + option.getOpt() + ", ")
                    + "--" + option.getLongOpt()
                    + (option.hasArg() ? " " + option.getArgName() : "");
            lines.add(String.format("  %-24s %s%n", names, option.getDescription()));
        }
        return String.join("", lines);
    }
}
