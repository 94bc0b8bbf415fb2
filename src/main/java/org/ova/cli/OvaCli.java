package org.ova.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.ClosestName;
import org.ova.repo.LibraryLock;

/**
 * The {@code ova} command line: global flags, dispatch to a {@link Command}, and the mapping of
 * every outcome to one clear line and an {@link ExitCode}. Stack traces appear only with {@code --debug}.
 */
public final class OvaCli {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public OvaCli(PrintStream out, PrintStream err, List<Command> commands) {
        this.out = out;
        this.err = err;
        commands.forEach(command -> this.commands.put(command.name(), command));
    }

    /** Runs {@code ova ARGS} and returns the exit code. */
    public int run(String... args) {
        int commandIndex = firstNonOption(args);
        String[] globalArgs = Arrays.copyOfRange(args, 0, commandIndex);
        CommandLine global;
        try {
            global = new DefaultParser().parse(GlobalOptions.options(), globalArgs);
        } catch (ParseException e) {
            return usageError(null, e.getMessage());
        }
        if (commandIndex == args.length) {
            if (global.hasOption(GlobalOptions.VERSION)) {
                out.println("ova " + Version.current());
                return ExitCode.OK;
            }
            out.print(HelpText.overview(commands.values()));
            return global.hasOption(GlobalOptions.HELP) ? ExitCode.OK : ExitCode.USAGE_OR_CONFIG_ERROR;
        }
        String name = args[commandIndex];
        Command command = commands.get(name);
        if (command == null) {
            return usageError(null, "unknown command '" + name + "'" + suggestion(name));
        }
        String[] commandArgs = concat(globalArgs, Arrays.copyOfRange(args, commandIndex + 1, args.length));
        Options options = GlobalOptions.withGlobals(command.options());
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, commandArgs);
        } catch (ParseException e) {
            return usageError(name, e.getMessage());
        }
        if (line.hasOption(GlobalOptions.HELP)) {
            out.print(HelpText.forCommand(command));
            return ExitCode.OK;
        }
        if (line.hasOption(GlobalOptions.VERSION)) {
            out.println("ova " + Version.current());
            return ExitCode.OK;
        }
        Console console = new Console(out, err, GlobalOptions.verbosity(line), line.hasOption(GlobalOptions.DEBUG));
        // each command configures logging itself, once it knows where the library's log goes
        int configurations = Logging.configurations();
        try {
            return command.run(line, console);
        } catch (UsageException e) {
            return usageError(e.command(), e.getMessage());
        } catch (LibraryLock.Busy e) {
            err.println("ova: " + e.getMessage());
            return ExitCode.USAGE_OR_CONFIG_ERROR;
        } catch (RuntimeException e) {
            if (Logging.configurations() == configurations) {
                Logging.configure(console.verbosity(), console.debug(), Optional.empty());
            }
            Logger log = LogManager.getLogger(OvaCli.class);
            log.error("ova {} failed: {}", name, describe(e), e);
            if (!console.debug()) {
                err.println("Run again with --debug to see the stack trace.");
            }
            return ExitCode.COMPLETED_WITH_FAILURES;
        }
    }

    private int usageError(String command, String message) {
        err.println("ova: " + message);
        err.println(command == null ? "Run 'ova --help' for usage." : "Run 'ova help " + command + "' for usage.");
        return ExitCode.USAGE_OR_CONFIG_ERROR;
    }

    private String suggestion(String name) {
        return ClosestName.to(name, commands.keySet())
                .map(known -> "; did you mean '" + known + "'?")
                .orElse("");
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static int firstNonOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                return i;
            }
        }
        return args.length;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The flags every command accepts. */
    static final class GlobalOptions {
        static final String HELP = "help";
        static final String VERSION = "version";
        static final String QUIET = "quiet";
        static final String VERBOSE = "verbose";
        static final String DEBUG = "debug";

        static Options options() {
            return new Options()
                    .addOption(Option.builder("h")
                            .longOpt(HELP)
                            .desc("show help and exit")
                            .get())
                    .addOption(Option.builder()
                            .longOpt(VERSION)
                            .desc("print the version and exit")
                            .get())
                    .addOption(Option.builder("q")
                            .longOpt(QUIET)
                            .desc("print only warnings and errors")
                            .get())
                    .addOption(Option.builder("v")
                            .longOpt(VERBOSE)
                            .desc("print debug detail too")
                            .get())
                    .addOption(Option.builder()
                            .longOpt(DEBUG)
                            .desc("debug detail and stack traces of errors")
                            .get());
        }

        static Options withGlobals(Options own) {
            Options all = options();
            own.getOptions().forEach(all::addOption);
            return all;
        }

        static Verbosity verbosity(CommandLine line) {
            if (line.hasOption(QUIET)) {
                return Verbosity.QUIET;
            }
            return line.hasOption(VERBOSE) || line.hasOption(DEBUG) ? Verbosity.VERBOSE : Verbosity.NORMAL;
        }

        private GlobalOptions() {}
    }
}
