package org.ova.cli;

import org.apache.logging.log4j.Logger;
import org.ova.repo.BuildPhase;

/** Logs how long each build phase took (debug level: shown with -v, always in ova.log). */
final class PhaseTimer {

    private final Logger log;
    private long start;

    /** @param start when the first phase began ({@link System#nanoTime}) */
    PhaseTimer(Logger log, long start) {
        this.log = log;
        this.start = start;
    }

    void done(BuildPhase phase, String detail) {
        long now = System.nanoTime();
        log.debug("Phase {} took {} ms ({}).", phase.key(), (now - start) / 1_000_000, detail);
        start = now;
    }
}
