package org.ova.site.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeNamesTest {

    @Test
    void charactersFatAndWindowsForbidAreReplaced() {
        assertEquals("What_ A_ _b_ c_d_e_f_.mp4", SafeNames.segment("What? A: <b> c*d|e\"f\\.mp4"));
        assertEquals("tab_here.mp4", SafeNames.segment("tab\there.mp4"));
        assertEquals("Birthday party – 2019.mp4", SafeNames.segment("Birthday party – 2019.mp4"));
    }

    @Test
    void reservedDeviceNamesGetAPrefixWithOrWithoutExtension() {
        assertEquals("_CON", SafeNames.segment("CON"));
        assertEquals("_nul.mp4", SafeNames.segment("nul.mp4"));
        assertEquals("_com1.tar.gz", SafeNames.segment("com1.tar.gz"));
        assertEquals("console.mp4", SafeNames.segment("console.mp4"));
    }

    @Test
    void trailingDotsAndSpacesAreDropped() {
        assertEquals("Trips", SafeNames.segment("Trips. . "));
        assertEquals("_", SafeNames.segment("..."));
    }

    @Test
    void longNamesAreCutTo255BytesKeepingTheExtensionAndWholeCharacters() {
        String name = "é".repeat(200) + ".mp4";
        // 125 two-byte characters and the extension: 254 bytes, as a 126th would not fit
        assertEquals("é".repeat(125) + ".mp4", SafeNames.segment(name));
        assertEquals("a".repeat(251) + ".mp4", SafeNames.segment("a".repeat(300) + ".mp4"));
    }

    @Test
    void pathsThatBecomeTheSameOrDifferOnlyInCaseAreNumberedInOrder() {
        Map<String, String> safe =
                SafeNames.paths(List.of("a/B.mp4", "a/b.mp4", "a:b/x.mp4", "a_b/x.mp4", "a_b/x (2).mp4"));
        assertEquals(
                List.of("a/B.mp4", "a/b (2).mp4", "a_b/x.mp4", "a_b/x (2).mp4", "a_b/x (2) (2).mp4"),
                List.copyOf(safe.values()));
    }
}
