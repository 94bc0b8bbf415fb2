package org.ova.server.edit;

import java.util.Set;
import org.ova.repo.Library;

/** Brings the site's pages up to date with {@code library} after edits of the videos {@code changed}. */
@FunctionalInterface
public interface SiteRefresh {

    void refresh(Library library, Set<String> changed);
}
