package org.ova.media.jobs;

import java.util.Locale;

/** Where a {@link Job} is: waiting for a worker, running, or ended one way or the other. */
public enum JobState {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** Its name in JSON: {@code queued}, {@code running}, {@code done}, {@code failed}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
