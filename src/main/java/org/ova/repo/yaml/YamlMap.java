package org.ova.repo.yaml;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(file, tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
                throw key.problem("keys must be plain words");
            }
            String name = scalar.getValue();
            if (keys.containsKey(name)) {
                throw key.problem("key '" + name + "' appears twice (first at line " + keys.get(name).line() + ")");
            }
            keys.put(name, key);
            values.put(name, new YamlNode(file, tuple.getValueNode()));
        }
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
     * Fails on the first key not in {@code allowed}, naming the closest allowed key when one is near.
     */
    public YamlMap rejectUnknownKeys(Collection<String> allowed) {
        for (Map.Entry<String, YamlNode> entry : keys.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                String hint = closest(entry.getKey(), allowed)
                        .map(near -> "; did you mean '" + near + "'?")
                        .orElse("");
                throw entry.getValue().problem("unknown key '" + entry.getKey() + "'" + hint
                        + " (allowed: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    private static Optional<String> closest(String key, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = distance(key.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
