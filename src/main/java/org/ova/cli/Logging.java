package org.ova.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.api.LayoutComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.RootLoggerComponentBuilder;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.ova.repo.LogLevels;

/**
 * Sets up Log4j2 in code, because the log file's place depends on the library named on the
 * command line: console lines in the {@code [INFO] …} shape (stack traces only with {@code --debug}),
 * and, once a library is known, a rolling {@code .ova-repo/logs/ova.log} with timestamps and full causes.
 */
public final class Logging {

    /** Marks a line for the log file only: the console already said it another way (a usage error). */
    public static final Marker FILE_ONLY = MarkerManager.getMarker("FILE_ONLY");

    private static final String CONSOLE_PATTERN = "[%level] %msg%n";
    private static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-7level [%t] %c{1} - %msg%n%xThrowable";

    /** How often {@link #configure} ran in this process: tells a caller whether a command did. */
    private static final AtomicInteger CONFIGURATIONS = new AtomicInteger();

    private Logging() {}

    /**
     * (Re)configures logging for this process.
     *
     * @param logFile where the library's log goes; empty before a library is known
     */
    public static void configure(Verbosity verbosity, boolean debug, Optional<Path> logFile) {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setStatusLevel(Level.ERROR);
        builder.setConfigurationName("ova");
        // ova stops Log4j itself (shutdown()), after its own shutdown hooks logged an interruption
        builder.setShutdownHook("disable");
        builder.add(builder.newCustomLevel(LogLevels.SUCCESS.name(), LogLevels.SUCCESS.intLevel()));

        String throwable = debug ? "%xThrowable" : "%throwable{none}";
        LayoutComponentBuilder consoleLayout = builder.newLayout("PatternLayout")
                .addComponent(builder.newComponent("MarkerPatternSelector")
                        .addAttribute("defaultPattern", CONSOLE_PATTERN.replace("%n", "%n" + throwable))
                        .addComponent(builder.newComponent("PatternMatch")
                                .addAttribute("key", LogLevels.PLAIN.getName())
                                .addAttribute("pattern", "%msg%n" + throwable)));
        AppenderComponentBuilder console = builder.newAppender("console", "Console")
                .addAttribute("target", ConsoleAppender.Target.SYSTEM_OUT)
                .addAttribute("follow", true)
                .add(consoleLayout);
        builder.add(console);

        Level consoleLevel = switch (verbosity) {
            case QUIET -> Level.WARN;
            case NORMAL -> Level.INFO;
            case VERBOSE -> Level.DEBUG;
        };
        RootLoggerComponentBuilder root = builder.newRootLogger(Level.DEBUG)
                .add(builder.newAppenderRef("console")
                        .addAttribute("level", debug ? Level.DEBUG : consoleLevel)
                        .add(builder.newFilter("MarkerFilter", Filter.Result.DENY, Filter.Result.NEUTRAL)
                                .addAttribute("marker", FILE_ONLY.getName())));

        logFile.ifPresent(file -> {
            ComponentBuilder<?> policies = builder.newComponent("Policies")
                    .addComponent(
                            builder.newComponent("SizeBasedTriggeringPolicy").addAttribute("size", "10 MB"));
            builder.add(builder.newAppender("file", "RollingFile")
                    .addAttribute("fileName", file.toString())
                    .addAttribute(
                            "filePattern", file.resolveSibling("ova-%i.log").toString())
                    .add(builder.newLayout("PatternLayout").addAttribute("pattern", FILE_PATTERN))
                    .addComponent(policies)
                    .addComponent(
                            builder.newComponent("DefaultRolloverStrategy").addAttribute("max", 5)));
            root.add(builder.newAppenderRef("file").addAttribute("level", Level.DEBUG));
        });
        builder.add(root);
        // Jaffree narrates every command and echoes ffmpeg's own log; ova reports failures itself.
        builder.add(builder.newLogger("com.github.kokorin.jaffree", debug ? Level.DEBUG : Level.OFF));
        builder.add(builder.newLogger("io.undertow", debug ? Level.DEBUG : Level.WARN));
        builder.add(builder.newLogger("org.xnio", debug ? Level.DEBUG : Level.WARN));

        // the first call comes before any logger exists, so Log4j never searches for configuration
        // files of its own; later calls (and a Log4j already running, as in tests) replace the set-up
        BuiltConfiguration configuration = builder.build();
        LoggerContext context = Configurator.initialize(configuration);
        if (context.getConfiguration() != configuration) {
            context.reconfigure(configuration);
        }
        CONFIGURATIONS.incrementAndGet();
    }

    /** How many times logging was configured so far. */
    static int configurations() {
        return CONFIGURATIONS.get();
    }

    /** Flushes and closes the log file so a finished command leaves nothing buffered. */
    public static void shutdown() {
        if (CONFIGURATIONS.get() > 0) {
            ((LoggerContext) LogManager.getContext(false)).stop();
        }
    }
}
