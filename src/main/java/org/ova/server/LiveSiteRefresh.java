package org.ova.server;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.Library;
import org.ova.server.edit.SiteRefresh;
import org.ova.server.edit.VideoEditor;
import org.ova.site.LiveSite;
import org.ova.site.SiteBuilder;
import org.ova.site.SiteException;

/**
 * Brings the served site up to date after edits through one {@link LiveSite}, which re-renders only the
 * pages whose content changed. A render that fails is logged, not thrown: the edit is saved by then,
 * and the next refresh renders every page again.
 */
public final class LiveSiteRefresh implements SiteRefresh {

    private static final Logger LOG = LogManager.getLogger(LiveSiteRefresh.class);

    private final LiveSite site;

    public LiveSiteRefresh(Library library) {
        this.site = new LiveSite(
                new SiteBuilder(library.layout(), library.config().site().theme()));
    }

    /** The editor {@code ova serve} edits {@code library} with, its site refreshed by a new {@code LiveSiteRefresh}. */
    public static VideoEditor editorOf(Library library) {
        return new VideoEditor(library, new LiveSiteRefresh(library));
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
