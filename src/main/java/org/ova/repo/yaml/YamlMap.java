package org.ova.repo.yaml;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ova.repo.ClosestName;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping read key by key, keeping the position of every key so that unknown or
 * misspelt keys are reported where they were written, with the keys that are allowed.
 */
public final class YamlMap {

    private final Path file;
    private final YamlNode self;
    private final Map<String, YamlNode> keys = new LinkedHashMap<>();
    private final Map<String, YamlNode> values = new LinkedHashMap<>();

    YamlMap(Path file, MappingNode mapping) {
        this.file = file;
        this.self = new YamlNode(file, mapping);
        YamlProblemCollector problems = new YamlProblemCollector();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(file, tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
                problems.add(key.problem("keys must be plain words"));
                continue;
            }
            String name = scalar.getValue();
            if (keys.containsKey(name)) {
                problems.add(key.problem("key '" + name + "' appears twice (first at line "
                        + keys.get(name).line() + ")"));
                continue;
            }
            keys.put(name, key);
            values.put(name, new YamlNode(file, tuple.getValueNode()));
        }
        problems.throwIfAny();
    }

    public Path file() {
        return file;
    }

    /** The mapping itself as a node, for problems about the whole mapping. */
    public YamlNode node() {
        return self;
    }

    /** The value of {@code key}, absent when the key is missing or its value is empty. */
    public Optional<YamlNode> get(String key) {
        YamlNode value = values.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** The value of {@code key}, or a problem at the mapping saying it is required. */
    public YamlNode require(String key) {
        return get(key).orElseThrow(() -> self.problem("missing required key '" + key + "'"));
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The keys in the order they were written. */
    public Collection<String> keys() {
        return keys.keySet();
    }

    /** The values in the order they were written, by key. */
    public Map<String, YamlNode> entries() {
        return values;
    }

    /** Position of a key as written, for problems about the key itself. */
    public YamlNode keyNode(String key) {
        return keys.get(key);
    }

    /**
     * Fails on the keys not in {@code allowed}, all of them, each naming the closest allowed key when
     * one is near.
     */
    public YamlMap rejectUnknownKeys(Collection<String> allowed) {
        YamlProblemCollector problems = new YamlProblemCollector();
        for (Map.Entry<String, YamlNode> entry : keys.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                String hint = ClosestName.to(entry.getKey(), allowed)
                        .map(near -> "; did you mean '" + near + "'?")
                        .orElse("");
                problems.add(entry.getValue()
                        .problem("unknown key '" + entry.getKey() + "'" + hint + " (allowed: "
                                + String.join(", ", allowed) + ")"));
            }
        }
        problems.throwIfAny();
        return this;
    }
}
