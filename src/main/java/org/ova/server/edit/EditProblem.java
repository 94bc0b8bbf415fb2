package org.ova.server.edit;

/**
 * One thing wrong with an edit, for the form to show next to its field.
 *
 * @param field   where, as a path into the edit's JSON ({@code chapters[2].at}, {@code tags[0]}); empty
 *                for the edit as a whole
 * @param message what is wrong and what to do, for a person
 */
public record EditProblem(String field, String message) {}
