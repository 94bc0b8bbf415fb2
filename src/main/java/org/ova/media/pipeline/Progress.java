package org.ova.media.pipeline;

/**
 * Shows how far processing is. The terminal version draws a bar (count, rate, ETA) that log lines
 * print around; the silent one does nothing, for pipes, CI and {@code --quiet}.
 */
public interface Progress {

    Progress SILENT = new Progress() {
        @Override
        public void start(String what, int total) {}

        @Override
        public void more(int items) {}

        @Override
        public void advance() {}

        @Override
        public void printing(Runnable print) {
            print.run();
        }

        @Override
        public void finish() {}
    };

    void start(String what, int total);

    /** {@code items} more items than started with are to be done. */
    void more(int items);

    /** One more item done. */
    void advance();

    /** Runs {@code print} (which writes log lines) with the bar out of the way. */
    void printing(Runnable print);

    void finish();
}
