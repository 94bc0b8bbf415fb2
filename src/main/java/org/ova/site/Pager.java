package org.ova.site;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The page links under a paged list. Addresses are site-relative; null when there is no such page.
 *
 * @param links the first, last and nearby pages, in order; a null url marks a gap
 */
public record Pager(int current, int total, String prevUrl, String nextUrl, List<PageLink> links) {

    /** One numbered link; {@code url} null for a "…" gap. */
    public record PageLink(int number, String url, boolean current) {}

    /** The pager of page {@code current} of {@code total}, where {@code path} gives each page's file. */
    public static Pager of(int current, int total, IntFunction<String> path) {
        List<PageLink> links = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= total; n++) {
            if (n == 1 || n == total || Math.abs(n - current) <= 2) {
                if (last != 0 && n > last + 1) {
                    links.add(new PageLink(0, null, false));
                }
                links.add(new PageLink(n, SiteUrls.encodePath(path.apply(n)), n == current));
                last = n;
            }
        }
        return new Pager(
                current,
                total,
                current > 1 ? SiteUrls.encodePath(path.apply(current - 1)) : null,
                current < total ? SiteUrls.encodePath(path.apply(current + 1)) : null,
                List.copyOf(links));
    }

    /** Pages needed for {@code count} items, at least one (an empty list still has its page). */
    public static int pages(int count, int pageSize) {
        return Math.max(1, (count + pageSize - 1) / pageSize);
    }

    /** The items of page {@code page} (from 1). */
    public static <T> List<T> slice(List<T> items, int page, int pageSize) {
        int from = Math.min(items.size(), (page - 1) * pageSize);
        return items.subList(from, Math.min(items.size(), from + pageSize));
    }
}
