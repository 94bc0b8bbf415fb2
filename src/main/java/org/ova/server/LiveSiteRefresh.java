package org.ova.server;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.OvaConfig;
import org.ova.server.edit.SiteRefresh;
import org.ova.server.edit.VideoEditor;
import org.ova.site.LiveSite;
import org.ova.site.SiteBuilder;
import org.ova.site.SiteException;

/**
 * Brings the served site up to date after edits through the server's one {@link LiveSite} (shared with
 * {@link HandEdits}), which re-renders only the pages whose content changed. A render that fails
 * is logged, not thrown: the edit is saved by then, and the next refresh renders every page again.
 */
public final class LiveSiteRefresh implements SiteRefresh {

    private static final Logger LOG = LogManager.getLogger(LiveSiteRefresh.class);

    private final LiveSite site;

    public LiveSiteRefresh(LiveSite site) {
        this.site = site;
    }

    /**
     * The editor of {@code ova serve}: its edits re-render {@code site}, and every change of its library
     * (edits and {@link VideoEditor#update}) shows in {@code served}.
     */
    public static VideoEditor editorOf(LiveLibrary served, LiveSite site) {
        return new VideoEditor(served.library(), new LiveSiteRefresh(site), served::replace);
    }

    /** The site of {@code library} as {@code ova serve} keeps it current: one for edits and hand edits. */
    public static LiveSite siteOf(Library library) {
        return siteOf(library.layout(), library.config());
    }

    /** {@link #siteOf(Library)} before the library is loaded: {@code ova serve} renders its start with it. */
    public static LiveSite siteOf(LibraryLayout layout, OvaConfig config) {
        return new LiveSite(new SiteBuilder(layout, config.site().theme()));
    }

    @Override
    public void refresh(Library library, Set<String> changed) {
        try {
            site.refresh(library, Instant.now());
        } catch (SiteException | UncheckedIOException e) {
            LOG.error("The site could not be re-rendered after an edit of {}: {}", changed, e.getMessage(), e);
        }
    }
}
