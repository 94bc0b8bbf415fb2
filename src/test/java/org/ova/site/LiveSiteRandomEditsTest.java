package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.FileTrees;
import org.ova.repo.Library;

/**
 * The safety net of {@link LiveSite}'s shortcuts (a model updated in place, pages skipped by their
 * inputs, data files from kept rows): after each of many random edits, the refreshed site folder holds
 * exactly the files, byte for byte, that a whole render from scratch writes.
 */
class LiveSiteRandomEditsTest {

    private static final List<String> TAGS = List.of("Sea", "cafe", "night", "日本");

    @TempDir
    Path root;

    @Test
    void afterEachRandomEditTheSiteIsByteForByteAWholeRender() throws IOException {
        Library library = RandomEdits.library(SiteFixture.richLibrary(root, ".ova-repo/site"), 30, TAGS);
        Path site = library.config().site().outputDir(library.layout());
        // as deep in the library as the site, so that links to the library's files read the same
        Path reference = library.layout().repoDir().resolve("reference");
        LiveSite live = new LiveSite(new SiteBuilder(library.layout(), "default"));
        live.refresh(library, SiteFixture.NOW);
        RandomEdits edits = new RandomEdits(42, TAGS);
        int skipped = 0;
        for (int i = 0; i < 25; i++) {
            StringBuilder log = new StringBuilder("edit " + i + ":\n");
            library = edits.next(library, i % 5 == 4, log);
            SiteResult result = live.refresh(library, SiteFixture.NOW);
            skipped += result.pagesUnchanged();
            new SiteBuilder(library.layout(), "default")
                    .render(library, SiteFixture.NOW, reference, LibraryLinks.between(reference, root), true);
            Map<String, byte[]> expected = FileTrees.contents(reference);
            Map<String, byte[]> actual = FileTrees.contents(site);
            assertEquals(expected.keySet(), actual.keySet(), log.toString());
            for (Map.Entry<String, byte[]> file : expected.entrySet()) {
                assertArrayEquals(file.getValue(), actual.get(file.getKey()), file.getKey() + " after " + log);
            }
        }
        assertTrue(skipped > 0, "no refresh kept a page");
    }
}
