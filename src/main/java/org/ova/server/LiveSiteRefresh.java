package org.ova.server;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
import org.ova.site.SiteResult;

/**
 * Brings the served site up to date after edits through the server's one {@link LiveSite} (shared with
 * {@link HandEdits}, {@link ServedProcessing} and {@link VideoFileChanges}), which re-renders only the pages
 * whose content changed. Renders run one at a time, each with the library as it was when it was asked for;
 * so that an older library never stays on the site because its render came last, each ends by rendering
 * the newest library when it changed meanwhile ({@link #refreshLatest}). A render that fails is logged, not
 * thrown: the edit is saved by then, and the next refresh renders every page again.
 */
public final class LiveSiteRefresh implements SiteRefresh {

    private static final Logger LOG = LogManager.getLogger(LiveSiteRefresh.class);

    private final LiveSite site;
    private final Supplier<Library> latest;

    /** @param latest the newest library (the served one) */
    public LiveSiteRefresh(LiveSite site, Supplier<Library> latest) {
        this.site = site;
        this.latest = latest;
    }

    /**
     * The editor of {@code ova serve}: its edits re-render {@code site}, and every change of its library
     * (edits and {@link VideoEditor#update}) shows in {@code served}.
     */
    public static VideoEditor editorOf(LiveLibrary served, LiveSite site) {
        return editorOf(served, site, library -> {});
    }

    /** {@link #editorOf(LiveLibrary, LiveSite)}, with {@code changed} also given each library after a change. */
    public static VideoEditor editorOf(LiveLibrary served, LiveSite site, Consumer<Library> changed) {
        Consumer<Library> replace = served::replace;
        return new VideoEditor(served.library(), new LiveSiteRefresh(site, served::library), replace.andThen(changed));
    }

    /**
     * Renders {@code site} from the newest library, and again as long as it changed during the render (a
     * video processed, files read again or added meanwhile, whose own render may have finished first).
     *
     * @param mediaRemade videos whose pages are rendered even when their record did not change (see
     *     {@link LiveSite#refresh(Library, Instant, Set)})
     * @param rendered    given the result of each render, in order
     * @return the newest library, as rendered
     */
    public static Library refreshLatest(
            LiveSite site, Supplier<Library> latest, Set<String> mediaRemade, Consumer<SiteResult> rendered) {
        return refreshFrom(latest.get(), site, latest, mediaRemade, rendered);
    }

    /**
     * {@link #refreshLatest}, with a failed render logged (the change is kept by then, and the next refresh
     * renders every page again) instead of thrown.
     *
     * @param after what the render follows, for the log line ("processing 3ef7…")
     * @return whether the site was rendered
     */
    public static boolean refreshLatestOrLog(
            LiveSite site,
            Supplier<Library> latest,
            Set<String> mediaRemade,
            Consumer<SiteResult> rendered,
            String after) {
        return renderedOrLogged(() -> refreshLatest(site, latest, mediaRemade, rendered), after);
    }

    private static boolean renderedOrLogged(Runnable render, String after) {
        try {
            render.run();
            return true;
        } catch (SiteException | UncheckedIOException e) {
            LOG.error("The site could not be rendered after {}: {}", after, e.getMessage(), e);
            return false;
        }
    }

    /** Renders {@code first}, then the newest library as long as it is another one; the last rendered. */
    private static Library refreshFrom(
            Library first,
            LiveSite site,
            Supplier<Library> latest,
            Set<String> mediaRemade,
            Consumer<SiteResult> rendered) {
        Library library = first;
        rendered.accept(site.refresh(library, Instant.now(), mediaRemade));
        for (Library now = latest.get(); now != library; now = latest.get()) {
            library = now;
            rendered.accept(site.refresh(library, Instant.now(), mediaRemade));
        }
        return library;
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
        renderedOrLogged(() -> refreshFrom(library, site, latest, Set.of(), result -> {}), "an edit of " + changed);
    }
}
