package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlyrIconsTest {

    private static final Path ASSETS = Path.of("themes/default/assets");

    @Test
    void iconScriptCarriesExactlyTheVendoredSprite() throws IOException {
        String svg = Files.readString(ASSETS.resolve("vendor/plyr/plyr.svg"), StandardCharsets.UTF_8);
        String script = Files.readString(ASSETS.resolve("plyr-icons.js"), StandardCharsets.UTF_8);
        String sprite = script.substring(script.indexOf("window.OVA_PLYR_ICONS = '") + 25, script.lastIndexOf("';"));
        assertEquals(svg.substring(svg.indexOf("<svg")).strip(), sprite);
    }
}
