/**
 * {@code ova publish}: a self-contained copy of a library's site for any static host, USB stick or
 * sub-path, holding only the pages, the media they use and the videos — never drafts, config, logs,
 * metadata or machine files. {@link org.ova.site.publish.Publisher} is the entry point.
 */
package org.ova.site.publish;
