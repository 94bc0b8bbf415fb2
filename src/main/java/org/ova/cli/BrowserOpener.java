package org.ova.cli;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import org.apache.logging.log4j.Logger;

/** Opens an address in the person's browser, never failing: when nothing works it says so in one line. */
final class BrowserOpener {

    private BrowserOpener() {}

    static void open(String url, Logger log) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless()
                    && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
                return;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            log.debug("java.awt.Desktop could not open a browser: {}", e.getMessage());
        }
        try {
            new ProcessBuilder("xdg-open", url)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            log.warn("Could not open a browser ({}); open {} yourself.", e.getMessage(), url);
        }
    }
}
