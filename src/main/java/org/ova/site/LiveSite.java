package org.ova.site;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ova.repo.Library;

/**
 * Keeps a library's site current while the server edits it, in time proportional to what an edit
 * touches. The model is updated from the last one ({@link SiteModelUpdate}: the edited videos' views
 * and the lists they are in; built whole when the change is more than edits of metadata), and a page
 * is rendered again only when its {@link Page#inputs} differ from the last render's: a page is a pure
 * function of its template and its inputs, and the update keeps every record that did not change as
 * the same object, so comparing them ({@link SameInputs}) is quick. The comparison sees everything a page shows (a title
 * in a card on a tag page, the count of tags in every page's footer, a neighbour's link), so no list
 * of "pages an edit affects" has to be kept in step with the templates. Data files are made from
 * per-video rows kept between renders and theme assets are written as in every render (each only
 * when its bytes changed).
 *
 * <p>The sprites' WebVTT a video page carries is compared by its path: it is made by processing, which
 * renders the whole site through {@link SiteBuilder#render} afterwards, or, while serving, names the
 * videos whose media it made again ({@link #refresh(Library, Instant, Set)}). Files deleted from the site
 * folder by hand come back with the next full render. One refresh at a time. While it follows edits,
 * the site's manifest says its inputs are unknown (a build after a crash renders again); {@link #close}
 * writes them down.
 */
public final class LiveSite {

    private final SiteBuilder builder;
    /** The last render's library, model and each page's inputs; null until a render succeeded. */
    private Rendered rendered;

    private record Rendered(Library library, Instant now, SiteModel model, Map<String, List<Object>> inputs) {}

    public LiveSite(SiteBuilder builder) {
        this.builder = builder;
    }

    /** Brings the site up to date with {@code library}: every page the first time, then the changed ones. */
    public SiteResult refresh(Library library, Instant now) {
        return refresh(library, now, Set.of());
    }

    /**
     * {@link #refresh(Library, Instant)}, rendering the pages of the videos {@code mediaRemade} (ids)
     * whatever their inputs: processing made their files again under the same paths (a WebVTT the page
     * carries).
     */
    public synchronized SiteResult refresh(Library library, Instant now, Set<String> mediaRemade) {
        Rendered before = rendered;
        // forgotten first: if this render fails, the next one renders every page
        rendered = null;
        LibraryLinks links = LibraryLinks.between(
                library.config().site().outputDir(library.layout()),
                library.layout().root());
        SiteModel model = before == null
                ? null
                : SiteModelUpdate.of(before.model(), before.library(), library, now, links)
                        .orElse(null);
        if (model == null) {
            model = SiteModelBuilder.build(library, now, links);
        }
        List<Page> pages = builder.pages(model);
        Map<String, List<Object>> inputs = new HashMap<>(pages.size() * 2);
        pages.forEach(page -> inputs.put(page.path(), page.inputs()));
        SiteResult result;
        if (before == null) {
            result = builder.render(library, now, model);
        } else {
            SameInputs same = new SameInputs();
            Set<String> remade = mediaRemade.stream().map(SitePaths::video).collect(Collectors.toSet());
            result = builder.render(
                    library,
                    now,
                    model,
                    pages,
                    path -> !remade.contains(path)
                            && same.same(inputs.get(path), before.inputs().get(path)));
        }
        rendered = new Rendered(library, now, model, inputs);
        return result;
    }

    /**
     * Records the site's inputs, which renders of edits leave unknown, so that the next build finds the
     * site up to date instead of rendering it again (call when the edits are over: the server stops).
     * Nothing when the last refresh failed: the next build then renders the site whole.
     */
    public synchronized void close() {
        if (rendered != null) {
            builder.recordInputs(rendered.library(), rendered.now());
        }
    }
}
