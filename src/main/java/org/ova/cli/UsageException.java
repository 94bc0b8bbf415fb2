package org.ova.cli;

/**
 * Wrong arguments or an unusable configuration: nothing was done and the process exits with
 * {@link ExitCode#USAGE_OR_CONFIG_ERROR}. The message says what to fix.
 */
public final class UsageException extends RuntimeException {

    private final String command;

    public UsageException(String command, String message) {
        super(message);
        this.command = command;
    }

    /** The command whose usage applies, or null for the top-level usage. */
    public String command() {
        return command;
    }
}
