package org.ova.repo.config;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.ova.repo.yaml.YamlMap;

/**
 * Reads the options of one section, each exactly once, taking the default for keys that are
 * missing or empty. It insists every option of the section is read, so an option added to the
 * schema but never wired into its record fails every decode (and so every test) at once.
 */
final class SectionReader {

    private final ConfigSection<?> section;
    private final Optional<YamlMap> map;
    private final Set<String> unread = new LinkedHashSet<>();

    SectionReader(ConfigSection<?> section, Optional<YamlMap> map) {
        this.section = section;
        this.map = map;
        section.options().forEach(option -> unread.add(option.key()));
    }

    <T> T read(ConfigOption<T> option) {
        if (!unread.remove(option.key())) {
            throw new IllegalStateException("option '" + option.key() + "' is not in section '"
                    + section.name() + "' or was read twice");
        }
        return map.flatMap(values -> values.get(option.key()))
                .map(option.kind()::decode)
                .orElse(option.defaultValue());
    }

    void requireAllRead() {
        if (!unread.isEmpty()) {
            throw new IllegalStateException("options of section '" + section.name() + "' never read: " + unread);
        }
    }
}
