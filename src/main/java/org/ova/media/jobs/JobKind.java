package org.ova.media.jobs;

/** What a {@link Job} does to its video. */
public enum JobKind {
    /** Probe it when needed and run its out-of-date steps, as {@code ova build} does. */
    PROCESS("process"),
    /** Make its scrub sprites, their WebVTT and its chapters track again. */
    REMAKE_VTTS("vtt");

    private final String jsonName;

    JobKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Its name in JSON: {@code process} or {@code vtt}. */
    public String jsonName() {
        return jsonName;
    }
}
