package org.ova.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares pages' {@link Page#inputs} by value, the same objects first, remembering each pair of other
 * objects already compared: most of a page's inputs are the same objects as at the last render, and
 * the same changed tag or video stands in the inputs of many pages, so comparing its records again
 * for each page would cost as much as the pages' count times the tag's videos. Lists and maps are
 * compared item by item, so the shared items inside them are remembered too; maps, like
 * {@link Map#equals}, regardless of order. Not thread-safe.
 */
final class SameInputs {

    /** Two objects, equal when the same two objects: which pairs were already compared. */
    private record Pair(Object now, Object before) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Pair pair && pair.now == now && pair.before == before;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(now) + System.identityHashCode(before);
        }
    }

    private final Map<Pair, Boolean> compared = new HashMap<>();

    boolean same(Object now, Object before) {
        if (now == before) {
            return true;
        }
        if (now == null || before == null) {
            return false;
        }
        if (now instanceof List<?> a && before instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (now instanceof Map<?, ?> a && before instanceof Map<?, ?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : a.entrySet()) {
                if (!b.containsKey(entry.getKey()) || !same(entry.getValue(), b.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        Pair pair = new Pair(now, before);
        Boolean known = compared.get(pair);
        if (known == null) {
            known = now.equals(before);
            compared.put(pair, known);
        }
        return known;
    }
}
