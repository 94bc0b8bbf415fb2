package org.ova.repo.config;

import java.util.List;

/**
 * Writes the commented config.yaml that {@code ova init} creates: every section and option of the
 * {@link ConfigSchema} with its default value and a one-line comment above it.
 */
final class DefaultConfigText {

    private static final String HEADER = """
            # ova library configuration (.ova-repo/config.yaml).
            #
            # Every option is listed below with its default value. Change what you need; a key you
            # delete or leave empty goes back to its default. Allowed values or ranges are shown in
            # [brackets]. Run `ova doctor` to check this file.
            """;

    private DefaultConfigText() {}

    static String render(List<ConfigSection<?>> sections) {
        StringBuilder text = new StringBuilder(HEADER);
        for (ConfigSection<?> section : sections) {
            text.append('\n').append("# ").append(section.comment()).append('\n');
            text.append(section.name()).append(":\n");
            for (ConfigOption<?> option : section.options()) {
                text.append("  # ").append(option.comment());
                String allowed = option.kind().allowed();
                if (!allowed.isEmpty()) {
                    text.append(" [").append(allowed).append(']');
                }
                text.append('\n');
                text.append("  ")
                        .append(option.key())
                        .append(": ")
                        .append(option.yamlDefault())
                        .append('\n');
            }
        }
        return text.toString();
    }
}
