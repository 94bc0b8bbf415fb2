package org.ova.server.edit;

import java.util.List;

/** What became of one edit; an HTTP handler maps each kind to its status (200, 409, 400, 404). */
public sealed interface EditOutcome {

    /** Written (or nothing to write): the video as it is now. */
    record Applied(EditableVideo video) implements EditOutcome {}

    /** The file changed since the editor read it: nothing written; the video as it is now. */
    record Conflict(EditableVideo current) implements EditOutcome {}

    /** The edit, or the file it would change, has problems: nothing written. */
    record Rejected(List<EditProblem> problems) implements EditOutcome {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /** No video has this id. */
    record NotFound(String id) implements EditOutcome {}
}
