package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void slugsAreLowerCaseWithLatinAccentsDropped() {
        assertEquals("cafe-creme", Slugs.of("Café Crème", "tag"));
        assertEquals("rock-n-roll", Slugs.of("  Rock'n'Roll!! ", "tag"));
        assertEquals("b-bold-b", Slugs.of("<b>bold</b>", "tag"));
        assertEquals("straße", Slugs.of("Straße", "tag"));
    }

    @Test
    void lettersOfOtherScriptsAreKept() {
        assertEquals("日本", Slugs.of("日本", "tag"));
        assertEquals("москва-2024", Slugs.of("Москва 2024", "tag"));
        assertEquals("한국", Slugs.of("한국", "tag"));
    }

    @Test
    void nothingUsableGivesTheFallbackAndReservedNamesAreAvoided() {
        assertEquals("tag", Slugs.of("!!!", "tag"));
        assertEquals("tag", Slugs.of("", "tag"));
        assertEquals("con-", Slugs.of("CON", "tag"));
        assertEquals(80, Slugs.of("x".repeat(200), "tag").length());
    }

    @Test
    void collidingNamesGetNumberedInNameOrder() {
        Map<String, String> slugs = Slugs.assign(List.of("Beach", "beach", "BEACH!", "beach-2", "Sea"), "tag");
        assertEquals(
                Map.of("Beach", "beach", "beach", "beach-3", "BEACH!", "beach-4", "beach-2", "beach-2", "Sea", "sea"),
                slugs);
        assertEquals(List.of("Beach", "beach", "BEACH!", "beach-2", "Sea"), List.copyOf(slugs.keySet()));
    }
}
