package org.ova.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestNameTest {

    private static final List<String> COMMANDS = List.of("init", "build", "serve", "doctor", "help");

    @Test
    void aTypoGivesTheNearestNameWhateverItsFirstLetter() {
        assertEquals(Optional.of("build"), ClosestName.to("bild", COMMANDS));
        assertEquals(Optional.of("build"), ClosestName.to("vuild", COMMANDS));
        assertEquals(Optional.of("doctor"), ClosestName.to("docter", COMMANDS));
        assertEquals(Optional.of("rating"), ClosestName.to("Ratin", List.of("title", "rating")));
    }

    @Test
    void aWordFarFromEveryNameGivesNothing() {
        assertEquals(Optional.empty(), ClosestName.to("publish", COMMANDS));
        assertEquals(Optional.empty(), ClosestName.to("x", List.of()));
    }
}
