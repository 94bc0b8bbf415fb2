/**
 * The static library site: a pure model built from the library ({@link org.ova.site.SiteModelBuilder}),
 * the pages it makes ({@link org.ova.site.SitePages}), rendered with the theme's Pebble templates
 * ({@link org.ova.site.ThemeTemplates}) and written incrementally, all or nothing
 * ({@link org.ova.site.SiteWriter}, {@link org.ova.site.SiteManifest}).
 * {@link org.ova.site.SiteBuilder} is the facade: {@code SiteBuilder.build(library, now)}.
 * The renderer's speed machinery is in {@code org.ova.site.render.internal}, not API.
 * Depends only on {@code org.ova.repo}.
 */
package org.ova.site;
