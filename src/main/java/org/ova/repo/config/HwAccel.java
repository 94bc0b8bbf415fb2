package org.ova.repo.config;

import java.util.Locale;

/**
 * Which hardware decoder processing asks ffmpeg for. {@code AUTO} probes for CUDA and falls back to
 * the CPU per video, so a missing or broken GPU never fails a build. YAML words: auto, cuda, none.
 */
public enum HwAccel {
    AUTO,
    CUDA,
    NONE;

    /** The word written in config.yaml. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
