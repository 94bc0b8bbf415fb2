package org.ova.cli;

import java.util.List;

/** Entry point of the {@code ova} executable: wires the commands and exits with their code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // JMX registration costs start-up time and nothing here uses it.
        System.setProperty("log4j2.disableJmx", "true");
        OvaCli cli = new OvaCli(System.out, System.err, commands());
        int code = cli.run(args);
        Logging.shutdown();
        System.exit(code);
    }

    public static List<Command> commands() {
        return List.of(
                new InitCommand(),
                new BuildCommand(),
                new PublishCommand(),
                new ServeCommand(),
                new TrimCommand(),
                new DoctorCommand(),
                new HelpCommand(Main::commands));
    }
}
