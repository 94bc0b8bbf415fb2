package org.ova.site;

import java.nio.file.Path;

/**
 * Links from the site to files of the library (videos, generated media). The site folder may sit
 * anywhere, inside the library ({@code .ova-repo/site}, the default) or outside it, so the way from
 * the site root to the library root is computed once from both folders.
 *
 * @param siteToLibrary the encoded prefix from the site root to the library root: {@code ../../},
 *                      {@code ""} when they are the same folder, or an absolute {@code file:} address
 *                      when no relative path exists (another drive)
 */
public record LibraryLinks(String siteToLibrary) {

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

    /** The site-relative (or absolute) address of the library file at {@code libraryPath} (forward slashes). */
    public String file(String libraryPath) {
        return siteToLibrary + SiteUrls.encodePath(libraryPath);
    }

    /** The address of the folder holding {@code libraryPath}, ending in a slash. */
    public String folderOf(String libraryPath) {
        int slash = libraryPath.lastIndexOf('/');
        return slash < 0 ? siteToLibrary : file(libraryPath.substring(0, slash)) + "/";
    }
}
