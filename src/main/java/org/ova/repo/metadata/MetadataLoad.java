package org.ova.repo.metadata;

import java.util.Optional;
import org.ova.repo.yaml.YamlProblem;

/**
 * The outcome of loading one video's metadata: always a usable value, plus the problem that made
 * ova fall back to defaults (the build goes on and reports it), and whether the file was just made.
 *
 * @param metadata what to use for the video
 * @param problem  present when the file exists but could not be read; {@code metadata} is then defaults
 * @param created  true when this load wrote a new file from the template
 */
public record MetadataLoad(VideoMetadata metadata, Optional<YamlProblem> problem, boolean created) {
}
