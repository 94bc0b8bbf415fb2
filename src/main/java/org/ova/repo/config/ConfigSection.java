package org.ova.repo.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ova.repo.yaml.YamlMap;
import org.ova.repo.yaml.YamlNode;

/**
 * One top-level section of config.yaml: its name, a comment for the defaults file, its options
 * and how their values become the section's record.
 */
record ConfigSection<R>(String name, String comment, List<ConfigOption<?>> options,
        Function<SectionReader, R> assemble) {

    ConfigSection {
        options = List.copyOf(options);
    }

    List<String> keys() {
        return options.stream().map(ConfigOption::key).toList();
    }

    /** The section's record from {@code root}; unknown keys fail, missing ones take defaults. */
    R decode(YamlMap root) {
        Optional<YamlMap> values = root.get(name).map(YamlNode::asMap);
        values.ifPresent(map -> map.rejectUnknownKeys(keys()));
        return read(values);
    }

    R defaults() {
        return read(Optional.empty());
    }

    private R read(Optional<YamlMap> values) {
        SectionReader reader = new SectionReader(this, values);
        R result = assemble.apply(reader);
        reader.requireAllRead();
        return result;
    }
}
