package org.ova.repo.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ova.repo.yaml.YamlMap;
import org.ova.repo.yaml.YamlNode;
import org.ova.repo.yaml.YamlProblemCollector;

/**
 * One top-level section of config.yaml: its name, a comment for the defaults file, its options
 * and how their values become the section's record.
 */
record ConfigSection<R>(
        String name, String comment, List<ConfigOption<?>> options, Function<SectionReader, R> assemble) {

    ConfigSection {
        options = List.copyOf(options);
    }

    List<String> keys() {
        return options.stream().map(ConfigOption::key).toList();
    }

    /**
     * The section's record from {@code root}; missing keys take defaults. Unknown keys and wrong
     * values go into {@code problems} (their options take defaults meanwhile).
     */
    R decode(YamlMap root, YamlProblemCollector problems) {
        Optional<YamlMap> values = problems.read(() -> root.get(name).map(YamlNode::asMap), Optional.empty());
        values.ifPresent(map -> problems.check(() -> map.rejectUnknownKeys(keys())));
        return read(values, problems);
    }

    R defaults() {
        return read(Optional.empty(), new YamlProblemCollector());
    }

    private R read(Optional<YamlMap> values, YamlProblemCollector problems) {
        SectionReader reader = new SectionReader(this, values, problems);
        R result = assemble.apply(reader);
        reader.requireAllRead();
        return result;
    }
}
