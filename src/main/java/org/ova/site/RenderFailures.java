package org.ova.site;

import io.pebbletemplates.pebble.error.PebbleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every failure of one site render, so that all are reported at once (like Hugo's build errors)
 * instead of the first: a person fixing templates sees each broken one with its line. Failures
 * with the same message (a broken card template fails on every list page, a full disk on every
 * file) are reported once, with how many pages they hit. Safe to call from several threads.
 */
final class RenderFailures {

    /** The pages (site paths; empty for a file that is not a page) by failure message, sorted. */
    private final Map<String, List<String>> pagesByMessage = new TreeMap<>();

    private boolean templates;

    /** Records that rendering or writing {@code page} failed with {@code failure}. */
    synchronized void add(String page, RuntimeException failure) {
        List<String> pages = pagesByMessage.computeIfAbsent(failure.getMessage(), unused -> new ArrayList<>());
        if (!page.isEmpty()) {
            pages.add(page);
        }
        templates |= failure.getCause() instanceof PebbleException;
    }

    synchronized boolean isEmpty() {
        return pagesByMessage.isEmpty();
    }

    /** One exception whose message has a line per distinct failure and the fix for template errors. */
    synchronized SiteException toException() {
        List<String> lines = new ArrayList<>();
        pagesByMessage.forEach((message, pages) -> lines.add(message + where(pages)));
        String text = lines.size() == 1
                ? lines.get(0)
                : lines.size() + " failures rendering the site:\n  " + String.join("\n  ", lines);
        if (templates) {
            text += "\nfix the templates named (a library's own templates are in .ova-repo/theme/templates/)";
        }
        return new SiteException(text);
    }

    private static String where(List<String> pages) {
        if (pages.isEmpty()) {
            return "";
        }
        String first = pages.stream().min(String::compareTo).orElseThrow();
        return pages.size() == 1
                ? " (rendering " + first + ")"
                : " (rendering " + first + " and " + (pages.size() - 1) + " more pages)";
    }
}
