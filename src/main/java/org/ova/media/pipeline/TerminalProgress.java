package org.ova.media.pipeline;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal: {@code [#####     ] 12/40 videos  0.8/s  ETA 0:35}. It is
 * redrawn in place with a carriage return, erased before log lines print, then drawn again.
 */
public final class TerminalProgress implements Progress {

    private static final int BAR_WIDTH = 24;

    private final PrintStream terminal;
    private String what = "";
    private int total;
    private int done;
    private long startNanos;

    public TerminalProgress(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void start(String what, int total) {
        this.what = what;
        this.total = total;
        this.done = 0;
        this.startNanos = System.nanoTime();
        draw();
    }

    @Override
    public synchronized void more(int items) {
        total += items;
        draw();
    }

    @Override
    public synchronized void advance() {
        done++;
        draw();
    }

    @Override
    public synchronized void printing(Runnable print) {
        erase();
        print.run();
        draw();
    }

    @Override
    public synchronized void finish() {
        erase();
        total = 0;
    }

    private void draw() {
        if (total <= 0) {
            return;
        }
        terminal.print("\r" + line(what, done, total, (System.nanoTime() - startNanos) / 1e9));
        terminal.flush();
    }

    private void erase() {
        if (total > 0) {
            terminal.print("\r\033[2K");
            terminal.flush();
        }
    }

    /** The bar's text, without the carriage return. */
    static String line(String what, int done, int total, double elapsedSeconds) {
        int filled = (int) ((long) BAR_WIDTH * done / Math.max(1, total));
        double rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
        String eta = rate > 0 ? clock((total - done) / rate) : "?";
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total + " " + what + "  "
                + String.format(Locale.ROOT, "%.1f/s", rate) + "  ETA " + eta;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
