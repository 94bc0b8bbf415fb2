package org.ova.site;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One HTML file of the site: where it goes, the template that renders it, and its variables,
 * computed only when the page is rendered (a video page reads its sprites' WebVTT then).
 *
 * @param path     site-relative, not encoded
 * @param template the template's name, e.g. {@code video.peb}
 */
public record Page(String path, String template, Supplier<Map<String, Object>> variables) {}
