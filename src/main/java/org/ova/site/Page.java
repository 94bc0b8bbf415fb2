package org.ova.site;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One HTML file of the site: where it goes, the template that renders it, and its variables,
 * computed only when the page is rendered (a video page reads its sprites' WebVTT then).
 *
 * @param path      site-relative, not encoded
 * @param template  the template's name, e.g. {@code video.peb}
 * @param inputs    everything the variables are made from (model records and lists, compared by
 *                  {@code equals}; a sprites' WebVTT by its path): a page whose inputs equal those of
 *                  the last render comes out byte for byte the same, which is how {@link LiveSite}
 *                  skips it
 * @param variables the template's variables
 */
public record Page(String path, String template, List<Object> inputs, Supplier<Map<String, Object>> variables) {}
