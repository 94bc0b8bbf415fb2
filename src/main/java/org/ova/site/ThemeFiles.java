package org.ova.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One folder of the theme ({@code assets/}: CSS, scripts, vendored Plyr and A-Frame, placeholder
 * art; or {@code templates/}) as bytes: the bundled theme's folder (on the classpath, in the jar or
 * in {@code target/classes}), with any file of the library's override folder taking the place of
 * the bundled one.
 */
public final class ThemeFiles {

    private final Map<String, byte[]> files;
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    private ThemeFiles(Map<String, byte[]> files) {
        this.files = files;
    }

    /**
     * Reads the bundled theme {@code theme}'s {@code folder} ({@code assets} or {@code templates}),
     * then the library's overrides in {@code overrides}.
     */
    public static ThemeFiles load(String theme, String folder, Path overrides) {
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
            if (Files.isDirectory(overrides)) {
                readTree(overrides, files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the theme's " + folder + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new SiteException("bad theme location " + url, e);
        }
        return new ThemeFiles(files);
    }

    /** A digest of every file's path and bytes: changes whenever the theme or an override does. */
    public byte[] digest() {
        MessageDigest digest = SiteFingerprint.sha256();
        files.forEach((path, bytes) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
        });
        return digest.digest();
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

    /** A file's text (UTF-8), for inlining; fails naming the file when the theme lacks it. */
    public String text(String path) {
        return texts.computeIfAbsent(path, p -> {
            byte[] bytes = files.get(p);
            if (bytes == null) {
                throw new SiteException("the theme has no file " + p);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        });
    }
}
