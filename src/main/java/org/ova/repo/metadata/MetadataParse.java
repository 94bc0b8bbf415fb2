package org.ova.repo.metadata;

import java.util.List;
import org.ova.repo.yaml.YamlProblem;

/**
 * What one metadata file says, read as far as it could be: every problem in it, each at its own
 * line and column, and the values that could be read (defaults for the rest).
 *
 * @param metadata the values read; {@code draft} is true also when the file may ask for a draft
 *                 but its draft flag cannot be read, so a broken file never publishes a draft
 * @param problems empty when the file is valid
 */
public record MetadataParse(VideoMetadata metadata, List<YamlProblem> problems) {

    public MetadataParse {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
