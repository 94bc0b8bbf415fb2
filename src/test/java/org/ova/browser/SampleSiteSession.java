package org.ova.browser;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * One built sample site shared by the tests of a class (building the sample takes seconds), served
 * before the first test and closed after the last, opened in the Chromium all classes share
 * ({@link Browser#shared}), with the console's earlier messages forgotten before each test.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SampleSiteSession {

    protected SampleSite site;
    protected Browser browser;

    /** The site the tests run on; a class may change the sample before it is built. */
    protected SampleSite buildSite() throws IOException {
        return SampleSite.build();
    }

    @BeforeAll
    void startTheBrowserAndBuildTheSite() throws IOException {
        browser = Browser.shared();
        site = buildSite();
    }

    @AfterAll
    void stop() throws IOException {
        if (site != null) {
            site.close();
        }
    }

    @BeforeEach
    void forgetEarlierConsoleMessages() {
        browser.consoleErrors();
    }
}
