package org.ova.repo.config;

import java.nio.file.Path;
import org.ova.repo.LibraryLayout;

/**
 * How the generated site looks and where it goes.
 *
 * @param output   the site folder, relative to the library root or absolute
 * @param pageSize videos per library page
 * @param theme    the theme name; a library's own overrides sit in its {@code .ova-repo}
 * @param language the site's language tag, e.g. {@code en} or {@code pt-BR}
 */
public record SiteOptions(String output, int pageSize, String theme, String language) {

    /** The site folder of {@code layout}'s library, absolute and normalized. */
    public Path outputDir(LibraryLayout layout) {
        return layout.root().resolve(output).normalize();
    }
}
