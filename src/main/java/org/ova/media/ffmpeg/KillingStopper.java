package org.ova.media.ffmpeg;

import com.github.kokorin.jaffree.process.Stopper;
import java.util.concurrent.TimeUnit;

/**
 * Stops ffmpeg by killing its process. Jaffree's own stopper asks ffmpeg to quit by typing
 * {@code q} on its standard input, which ffmpeg ignores under {@code -nostdin} (and which cannot
 * reach a process that has not started yet), so a cancelled build would leave ffmpeg writing into
 * a staging folder that is being deleted.
 */
final class KillingStopper implements Stopper {

    private Process process;
    private boolean stopped;

    @Override
    public synchronized void setProcess(Process started) {
        process = started;
        if (stopped) {
            started.destroyForcibly();
        }
    }

    @Override
    public void graceStop() {
        forceStop();
    }

    @Override
    public synchronized void forceStop() {
        stopped = true;
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** Waits until a killed process is really gone, so nothing writes into its output folder after. */
    void awaitExit(long millis) throws InterruptedException {
        Process started;
        synchronized (this) {
            started = process;
        }
        if (started != null) {
            started.waitFor(millis, TimeUnit.MILLISECONDS);
        }
    }
}
