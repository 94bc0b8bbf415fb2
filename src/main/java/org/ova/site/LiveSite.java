package org.ova.site;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ova.repo.Library;

/**
 * Keeps a library's site current while the server edits it, re-rendering only the pages whose
 * content changes. A page is a pure function of its template and its variables (records, lists and
 * maps that compare by value), so a page whose variables equal those of the last render would come
 * out byte for byte the same, and is kept as it is. The comparison sees everything a page shows
 * (a title in a card on a tag page, the count of tags in every page's footer, a neighbour's link),
 * so no list of "pages an edit affects" has to be kept in step with the templates; an edit that
 * changes what every page shows simply re-renders every page. The comparison is {@link SameVariables}. Data files and theme assets are
 * rebuilt as in every render (written only when their bytes changed).
 *
 * <p>The sprites' WebVTT a video page carries is compared by its path: it is made by processing, which
 * renders the whole site through {@link SiteBuilder#render} afterwards. Files deleted from the site
 * folder by hand come back with the next full render. One refresh at a time.
 */
public final class LiveSite {

    private final SiteBuilder builder;
    /** Each page's variables at the last render, the sprites' text stood in for by its path. */
    private Map<String, Map<String, Object>> rendered;

    public LiveSite(SiteBuilder builder) {
        this.builder = builder;
    }

    /** Brings the site up to date with {@code library}: every page the first time, then the changed ones. */
    public synchronized SiteResult refresh(Library library, Instant now) {
        SiteModel model = SiteModelBuilder.build(
                library,
                now,
                LibraryLinks.between(
                        library.config().site().outputDir(library.layout()),
                        library.layout().root()));
        Map<String, Map<String, Object>> pages = variables(model);
        Map<String, Map<String, Object>> before = rendered;
        // forgotten first: if this render fails, the next one renders every page
        rendered = null;
        SiteResult result;
        if (before == null) {
            result = builder.render(library, now);
        } else {
            SameVariables variables = new SameVariables();
            Set<String> unchanged = new HashSet<>();
            pages.forEach((path, vars) -> {
                if (variables.same(vars, before.get(path))) {
                    unchanged.add(path);
                }
            });
            result = builder.render(library, now, model, unchanged::contains);
        }
        rendered = pages;
        return result;
    }

    private static Map<String, Map<String, Object>> variables(SiteModel model) {
        List<Page> pages = new SitePages(model, spritesPath -> spritesPath).all();
        Map<String, Map<String, Object>> variables = new ConcurrentHashMap<>(pages.size() * 2);
        pages.parallelStream()
                .forEach(page -> variables.put(page.path(), page.variables().get()));
        return variables;
    }
}
