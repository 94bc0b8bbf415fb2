package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderSmokeTest {

    @TempDir
    Path root;

    @Test
    void rendersRichLibrary() throws Exception {
        var library = SiteFixture.richLibrary(root, ".ova-repo/site");
        SiteResult result = SiteBuilder.build(library, SiteFixture.NOW);
        System.out.println(result);
        Path site = root.resolve(".ova-repo/site");
        System.out.println(Files.readString(site.resolve("video/aaaaaaaaaaaaaaa1.html")).replaceAll("(?s)<div class=\"plyr-icons\".*?</svg></div>", "[icons]"));
        System.out.println(Files.readString(site.resolve("index.html")));
        assertTrue(Files.exists(site.resolve("index.html")));
    }
}
