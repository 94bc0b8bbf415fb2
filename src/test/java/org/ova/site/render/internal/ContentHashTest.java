package org.ova.site.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    record Inner(String name, double at, List<String> tags) {}

    record Outer(
            String id,
            Optional<Inner> inner,
            OptionalInt rating,
            Map<String, Integer> counts,
            Path path,
            boolean draft) {}

    private static Outer sample() {
        return new Outer(
                "a1",
                Optional.of(new Inner("Intro", 1.5, List.of("x", "y"))),
                OptionalInt.of(4),
                Map.of("k", 1),
                Path.of("trips/beach.mp4"),
                false);
    }

    private static String hash(Object value) {
        return new ContentHash().add(value).hex();
    }

    @Test
    void equalTreesHashEqually() {
        assertEquals(hash(sample()), hash(sample()));
        assertEquals(32, hash(sample()).length());
    }

    @Test
    void everyComponentAtAnyDepthChangesTheHash() {
        String base = hash(sample());
        Inner inner = new Inner("Intro", 1.5, List.of("x", "y"));
        Map<String, Integer> counts = Map.of("k", 1);
        Path path = Path.of("trips/beach.mp4");
        List<Outer> changed = List.of(
                new Outer("a2", Optional.of(inner), OptionalInt.of(4), counts, path, false),
                new Outer("a1", Optional.empty(), OptionalInt.of(4), counts, path, false),
                new Outer(
                        "a1",
                        Optional.of(new Inner("Intro", 1.25, List.of("x", "y"))),
                        OptionalInt.of(4),
                        counts,
                        path,
                        false),
                new Outer(
                        "a1",
                        Optional.of(new Inner("Intro", 1.5, List.of("y", "x"))),
                        OptionalInt.of(4),
                        counts,
                        path,
                        false),
                new Outer("a1", Optional.of(inner), OptionalInt.empty(), counts, path, false),
                new Outer("a1", Optional.of(inner), OptionalInt.of(4), Map.of("k", 2), path, false),
                new Outer("a1", Optional.of(inner), OptionalInt.of(4), counts, Path.of("trips/lake.mp4"), false),
                new Outer("a1", Optional.of(inner), OptionalInt.of(4), counts, path, true));
        for (Outer outer : changed) {
            assertNotEquals(base, hash(outer), outer.toString());
        }
    }

    @Test
    void stringsThatCollideUnderStringHashCodeStillDiffer() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertNotEquals(hash("Aa"), hash("BB"));
    }

    @Test
    void boundariesBetweenValuesCount() {
        assertNotEquals(hash(List.of("ab", "c")), hash(List.of("a", "bc")));
        assertNotEquals(hash(List.of("a")), hash("a"));
        assertNotEquals(hash(1), hash(1.0));
    }

    @Test
    void partsHashedApartCountInTheirOrderAndLongValuesPassTheBuffer() {
        String ab = new ContentHash()
                .addDigest(new ContentHash().add("a").digest())
                .addDigest(new ContentHash().add("b").digest())
                .hex();
        String ba = new ContentHash()
                .addDigest(new ContentHash().add("b").digest())
                .addDigest(new ContentHash().add("a").digest())
                .hex();
        assertNotEquals(ab, ba);
        assertEquals(
                ab,
                new ContentHash()
                        .addDigest(new ContentHash().add("a").digest())
                        .addDigest(new ContentHash().add("b").digest())
                        .hex());
        String longText = "x".repeat(5000);
        assertNotEquals(hash(List.of(longText, "y")), hash(List.of(longText + "y")));
        assertNotEquals(
                new ContentHash().bytes(new byte[] {1, 2}).hex(),
                new ContentHash().bytes(new byte[] {1, 3}).hex());
    }
}
