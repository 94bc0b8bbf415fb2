package org.ova.site;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Links from the site to files of the library (videos, generated media). The site folder may sit
 * anywhere, inside the library ({@code .ova-repo/site}, the default) or outside it, so the way from
 * the site root to the library root is computed once from both folders. A published copy (see
 * {@code org.ova.site.publish}) places each file somewhere of its own instead: then {@code addresses}
 * names each one's address.
 *
 * @param siteToLibrary the encoded prefix from the site root to the library root: {@code ../../},
 *                      {@code ""} when they are the same folder, or an absolute {@code file:} address
 *                      when no relative path exists (another drive)
 * @param addresses     empty for a site beside its library; for a published copy, the encoded address
 *                      (site-relative, or absolute for videos hosted elsewhere) of every library file
 *                      the site links to, by its library path
 */
public record LibraryLinks(String siteToLibrary, Map<String, String> addresses) {

    public LibraryLinks {
        addresses = Map.copyOf(addresses);
    }

    public LibraryLinks(String siteToLibrary) {
        this(siteToLibrary, Map.of());
    }

    /** The links from a site written to {@code siteDir} into the library at {@code libraryRoot}. */
    public static LibraryLinks between(Path siteDir, Path libraryRoot) {
        Path site = siteDir.toAbsolutePath().normalize();
        Path root = libraryRoot.toAbsolutePath().normalize();
        try {
            String relative = site.relativize(root).toString().replace('\\', '/');
            return new LibraryLinks(relative.isEmpty() ? "" : SiteUrls.encodePath(relative) + "/");
        } catch (IllegalArgumentException e) {
            String uri = root.toUri().toString();
            return new LibraryLinks(uri.endsWith("/") ? uri : uri + "/");
        }
    }

    /** The links of a published copy: each library file at its address in {@code addresses}. */
    public static LibraryLinks published(Map<String, String> addresses) {
        return new LibraryLinks("", addresses);
    }

    /** The site-relative (or absolute) address of the library file at {@code libraryPath} (forward slashes). */
    public String file(String libraryPath) {
        if (addresses.isEmpty()) {
            return siteToLibrary + SiteUrls.encodePath(libraryPath);
        }
        String address = addresses.get(libraryPath);
        if (address == null) {
            throw new SiteException("the published copy has no place for " + libraryPath);
        }
        return address;
    }

    /** The address of the folder holding {@code libraryPath}, ending in a slash. */
    public String folderOf(String libraryPath) {
        String address = file(libraryPath);
        return address.substring(0, address.lastIndexOf('/') + 1);
    }

    /** What a site made with these links depends on, for its {@link SiteFingerprint}. */
    String fingerprint() {
        return addresses.isEmpty() ? siteToLibrary : "published " + new TreeMap<>(addresses);
    }
}
