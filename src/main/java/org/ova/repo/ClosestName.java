package org.ova.repo;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name a mistyped one was probably meant to be, for "did you mean" hints on
 * misspelt YAML keys and command names. Compares without case by edit distance, and suggests
 * nothing when even the closest name is too far off to be a typo.
 */
public final class ClosestName {

    private ClosestName() {}

    /** The name in {@code known} nearest to {@code typed}, when it is near enough to be a typo. */
    public static Optional<String> to(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, typed.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    // Levenshtein distance with two rows
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
