package org.ova.repo.metadata;

import java.util.List;
import org.ova.repo.yaml.YamlProblem;

/**
 * The outcome of loading one video's metadata: always a usable value, where it came from, and the
 * problems found in the person's file (the build goes on and reports them).
 *
 * @param metadata what to use for the video
 * @param problems every problem in the file, each at its own position; empty unless the source is
 *                 {@link Source#LAST_GOOD} or {@link Source#HELD_BACK}
 * @param source   where {@code metadata} came from
 */
public record MetadataLoad(VideoMetadata metadata, List<YamlProblem> problems, Source source) {

    /** Where a video's metadata came from. */
    public enum Source {
        /** The person's file, read without problems (or unchanged since it last was). */
        FILE,
        /** A file this load wrote from the template, the video being new. */
        CREATED,
        /** The file is broken: the version last read without problems, held back if the file asks for a draft. */
        LAST_GOOD,
        /** The file is broken and was never read without problems: defaults, held back from the site like a draft. */
        HELD_BACK
    }

    public MetadataLoad {
        problems = List.copyOf(problems);
    }

    public boolean created() {
        return source == Source.CREATED;
    }
}
