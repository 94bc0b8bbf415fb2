package org.ova.cli;

/** How much the console shows: {@code -q} errors and warnings only, {@code -v} debug detail too. */
public enum Verbosity {
    QUIET,
    NORMAL,
    VERBOSE
}
