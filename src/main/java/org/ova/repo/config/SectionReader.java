package org.ova.repo.config;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.ova.repo.yaml.YamlMap;
import org.ova.repo.yaml.YamlNode;
import org.ova.repo.yaml.YamlProblemCollector;

/**
 * Reads the options of one section, each exactly once, taking the default for keys that are
 * missing or empty (nothing, or blank text like {@code ""}, as the defaults file promises). A value
 * that is wrong is kept as a problem and its default used, so every wrong value is reported at
 * once. It insists every option of the section is read, so an option added to the
 * schema but never wired into its record fails every decode (and so every test) at once.
 */
final class SectionReader {

    private final ConfigSection<?> section;
    private final Optional<YamlMap> map;
    private final YamlProblemCollector problems;
    private final Set<String> unread = new LinkedHashSet<>();

    SectionReader(ConfigSection<?> section, Optional<YamlMap> map, YamlProblemCollector problems) {
        this.section = section;
        this.map = map;
        this.problems = problems;
        section.options().forEach(option -> unread.add(option.key()));
    }

    <T> T read(ConfigOption<T> option) {
        if (!unread.remove(option.key())) {
            throw new IllegalStateException(
                    "option '" + option.key() + "' is not in section '" + section.name() + "' or was read twice");
        }
        Optional<YamlNode> value = map.flatMap(values -> values.get(option.key()))
                .filter(node -> !(node.isScalar() && node.asString().isBlank()));
        return problems.read(
                () -> value.map(option.kind()::decode).orElse(option.defaultValue()), option.defaultValue());
    }

    void requireAllRead() {
        if (!unread.isEmpty()) {
            throw new IllegalStateException("options of section '" + section.name() + "' never read: " + unread);
        }
    }
}
