package org.ova.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ova.site.render.internal.ContentHash;

/**
 * One folder of the theme ({@code assets/}: CSS, scripts, vendored Plyr and A-Frame, placeholder
 * art; or {@code templates/}) as bytes: the bundled theme's folder (on the classpath, in the jar or
 * in {@code target/classes}), with any file of the library's override folder taking the place of
 * the bundled one.
 */
public final class ThemeFiles {

    private final Map<String, byte[]> files;

    private ThemeFiles(Map<String, byte[]> files) {
        this.files = files;
    }

    /**
     * Reads the bundled theme {@code theme}'s {@code folder} ({@code assets} or {@code templates}),
     * then the library's overrides in {@code overrides}.
     */
    public static ThemeFiles load(String theme, String folder, Path overrides) {
        Map<String, byte[]> files = bundled(theme, folder);
        readOverrides(overrides, files);
        return new ThemeFiles(files);
    }

    private static Map<String, byte[]> bundled(String theme, String folder) {
        Map<String, byte[]> files = new TreeMap<>();
        String resource = "themes/" + theme + "/" + folder;
        URL url = ThemeFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new SiteException("theme '" + theme + "' is not bundled with ova (no " + resource
                    + " on the classpath); set site.theme to default in .ova-repo/config.yaml");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                readTree(jar.getPath("/" + resource), files);
            } else {
                readTree(Path.of(uri), files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the theme's " + folder + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new SiteException("bad theme location " + url, e);
        }
        return files;
    }

    /** Reads the files under {@code overrides} (if it exists) into {@code files}, replacing bundled ones. */
    private static void readOverrides(Path overrides, Map<String, byte[]> files) {
        if (Files.isDirectory(overrides)) {
            try {
                readTree(overrides, files);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "could not read the theme overrides in " + overrides + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Changes whenever the theme {@code theme} or the library's overrides in {@code overrides} may
     * render differently. When ova runs from its jar, the bundled theme and the code that renders it
     * change only with the jar, so the jar's size and time stand for both, and nothing is read; run
     * from a classes folder (development), the bundled theme's bytes count instead. Override files
     * always count by their bytes: they are few and small.
     */
    public static String stamp(String theme, Path overrides) {
        ContentHash hash = new ContentHash().add(theme);
        Path code = codeLocation();
        if (code != null && Files.isRegularFile(code)) {
            hash.add(code.toString()).add(SiteFingerprint.stamp(code));
        } else {
            for (String folder : List.of("templates", "assets")) {
                bundled(theme, folder)
                        .forEach((path, bytes) -> hash.add(folder + "/" + path).bytes(bytes));
            }
        }
        Map<String, byte[]> overridden = new TreeMap<>();
        readOverrides(overrides, overridden);
        overridden.forEach((path, bytes) -> hash.add(path).bytes(bytes));
        return hash.hex();
    }

    /** Fails, saying how to fix it, when ova bundles no theme of that name. */
    static void requireBundled(String theme) {
        if (ThemeFiles.class.getClassLoader().getResource("themes/" + theme + "/templates") == null) {
            throw new SiteException("theme '" + theme + "' is not bundled with ova; set site.theme to default in "
                    + ".ova-repo/config.yaml");
        }
    }

    private static Path codeLocation() {
        try {
            return Path.of(ThemeFiles.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static void readTree(Path dir, Map<String, byte[]> files) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                files.put(relative, Files.readAllBytes(file));
            }
        }
    }

    /** Every file by its path under the folder, sorted. */
    public Map<String, byte[]> files() {
        return files;
    }
}
