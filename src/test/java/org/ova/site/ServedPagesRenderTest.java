package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Upload and Processing pages as built: on a static host they only say how to serve the library,
 * their workflow is hidden until a script finds {@code ova serve}, and so are their links in the header.
 */
class ServedPagesRenderTest {

    @TempDir
    Path root;

    private Path site;

    private Document page(String path) throws IOException {
        if (site == null) {
            SiteBuilder.build(SiteFixture.richLibrary(root, ".ova-repo/site"), SiteFixture.NOW);
            site = root.resolve(".ova-repo/site");
        }
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void theUploadPageSaysItNeedsOvaServeAndHidesItsWorkflow() throws IOException {
        Document upload = page("upload.html");

        assertEquals("upload", upload.body().attr("data-page"));
        Element note = upload.selectFirst("[data-needs-server]");
        assertNotNull(note);
        assertEquals(
                "Uploading works when the library is served with ova serve: run ova serve in the library’s folder"
                        + " and open the address it prints.",
                note.text());
        assertTrue(upload.selectFirst(".upload-app").hasAttr("hidden"));
        assertNotNull(upload.selectFirst(".upload-app input[type=file][multiple]#upload-files"));
        assertEquals(
                List.of("assets/vendor/plyr/plyr.min.js", "assets/player.js", "assets/upload.js"),
                upload.select("script[src~=(plyr.min|player|upload)\\.js]").eachAttr("src"));
    }

    @Test
    void theUploadPageOffersTheLibrarysFoldersAndANewOne() throws IOException {
        Document upload = page("upload.html");

        List<Element> options = upload.select("select[name=folder] option");
        assertEquals(
                List.of("", "Trips", "Trips/Summer 2024", "Trips/日本", "VR", ""),
                options.stream().map(option -> option.attr("value")).toList());
        assertEquals("The library’s own folder", options.get(0).text());
        assertEquals("New folder…", options.get(options.size() - 1).text());
        assertTrue(options.get(options.size() - 1).hasAttr("data-new-folder"));
    }

    @Test
    void theProcessingPageSaysItNeedsOvaServeAndHidesItsLists() throws IOException {
        Document processing = page("processing.html");

        assertEquals("processing", processing.body().attr("data-page"));
        assertEquals(
                "The Processing page works when the library is served with ova serve: run ova serve in the library’s"
                        + " folder and open the address it prints.",
                processing.selectFirst("[data-needs-server]").text());
        assertTrue(processing.selectFirst(".processing-app").hasAttr("hidden"));
        assertEquals(
                List.of("running", "queued", "failed", "done"),
                processing.select(".job-group").eachAttr("data-state"));
        assertEquals(
                List.of("assets/processing.js"),
                processing.select("script[src~=processing]").eachAttr("src"));
    }

    @Test
    void everyHeaderLinksBothPagesHiddenUntilAServerRevealsThem() throws IOException {
        for (String path : List.of("index.html", "video/aaaaaaaaaaaaaaa1.html", "upload.html")) {
            Document document = page(path);
            String back = SiteUrls.rootPrefix(path);

            Element upload = document.selectFirst(".site-nav a[data-served=upload]");
            Element processing = document.selectFirst(".site-nav a[data-served=\"\"]");
            assertEquals(back + "upload.html", upload.attr("href"), path);
            assertEquals(back + "processing.html", processing.attr("href"), path);
            assertTrue(upload.hasAttr("hidden") && processing.hasAttr("hidden"), path);
            assertEquals(path.equals("upload.html"), upload.hasAttr("aria-current"), path);
        }
    }
}
