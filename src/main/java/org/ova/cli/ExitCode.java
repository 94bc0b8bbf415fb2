package org.ova.cli;

/** The process exit codes, documented in {@code ova --help}. */
public final class ExitCode {

    /** Everything worked. */
    public static final int OK = 0;
    /** The command completed, but some videos or files had problems (listed at the end). */
    public static final int COMPLETED_WITH_FAILURES = 1;
    /** Nothing was done: wrong arguments, or a configuration error to fix first. */
    public static final int USAGE_OR_CONFIG_ERROR = 2;

    private ExitCode() {}
}
