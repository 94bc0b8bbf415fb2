package org.ova.repo.config;

import java.util.Locale;

/**
 * When processing makes a browser-playable copy of a video. {@code AUTO} only remuxes (a cheap copy
 * into MP4 when the codecs already play in browsers); {@code ALWAYS} re-encodes what browsers cannot
 * play; {@code NEVER} serves every file as it is. YAML words: never, auto, always.
 */
public enum WebProxyMode {
    NEVER,
    AUTO,
    ALWAYS;

    /** The word written in config.yaml. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
