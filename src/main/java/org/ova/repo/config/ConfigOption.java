package org.ova.repo.config;

/**
 * One option of a config section: its YAML key, default, kind and the one-line comment written
 * above it in the defaults file.
 */
record ConfigOption<T>(String key, T defaultValue, ValueKind<T> kind, String comment) {

    ConfigOption {
        if (comment.contains("\n")) {
            throw new IllegalArgumentException("comment of '" + key + "' must be one line");
        }
    }

    static <T> ConfigOption<T> of(String key, T defaultValue, ValueKind<T> kind, String comment) {
        return new ConfigOption<>(key, defaultValue, kind, comment);
    }

    /** The default as YAML, as the defaults file shows it. */
    String yamlDefault() {
        return kind.write(defaultValue);
    }
}
