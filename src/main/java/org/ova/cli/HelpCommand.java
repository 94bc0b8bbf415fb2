package org.ova.cli;

import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;

/** {@code ova help [COMMAND]}: the overview, or one command's options and examples. */
final class HelpCommand implements Command {

    private final Supplier<List<Command>> commands;

    HelpCommand(Supplier<List<Command>> commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "Show help for ova or for one command";
    }

    @Override
    public String synopsis() {
        return "[COMMAND]";
    }

    @Override
    public String examples() {
        return """
                  ova help              the list of commands
                  ova help build        options and examples of 'build'
                """;
    }

    @Override
    public int run(CommandLine line, Console console) {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            console.out().print(HelpText.overview(commands.get()));
            return ExitCode.OK;
        }
        if (args.size() > 1) {
            throw new UsageException(name(), "expected one command name, got: " + String.join(" ", args));
        }
        return commands.get().stream()
                .filter(command -> command.name().equals(args.get(0)))
                .findFirst()
                .map(command -> {
                    console.out().print(HelpText.forCommand(command));
                    return ExitCode.OK;
                })
                .orElseThrow(() -> new UsageException(null, "unknown command '" + args.get(0) + "'"));
    }
}
