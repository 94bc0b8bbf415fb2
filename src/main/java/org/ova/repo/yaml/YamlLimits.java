package org.ova.repo.yaml;

/**
 * How much text one hand-written YAML file may hold, so that a pasted log or an alias bomb is
 * rejected in milliseconds with its position instead of costing seconds and gigabytes in every
 * build and on every page that shows the value. Generous for anything a person types.
 */
public final class YamlLimits {

    /** The whole file, checked before it is read. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    /** One value (a description), checked as the parser produces it. */
    public static final int MAX_TEXT_CHARS = 64 * 1024;

    /** One short value (a title, a tag, a label), checked where the reader knows the value is one. */
    public static final int MAX_SHORT_TEXT_CHARS = 1024;

    /**
     * The file read to find one token, checked while the scanner reads: a value may take more room
     * in the file than as text (escapes, indentation), but not this much.
     */
    static final int MAX_STEP_CHARS = 2 * MAX_TEXT_CHARS;

    /**
     * One line, checked before parsing: the scanner's time grows with the square of a line's
     * length, and one value written on one line needs at most its own limit plus its key.
     */
    static final int MAX_LINE_CHARS = MAX_TEXT_CHARS + 1024;

    /** All text of the document with every alias ({@code *name}) replaced by what it stands for. */
    static final long MAX_EXPANDED_CHARS = 2L * MAX_FILE_BYTES;

    private YamlLimits() {}

    /** A limit as a person reads it: {@code 4 MB}, {@code 64 KB}, {@code 1 KB}, or the exact number. */
    static String size(long limit) {
        if (limit % (1024 * 1024) == 0) {
            return limit / (1024 * 1024) + " MB";
        }
        return limit % 1024 == 0 ? limit / 1024 + " KB" : Long.toString(limit);
    }
}
