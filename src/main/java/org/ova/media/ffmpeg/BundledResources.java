package org.ova.media.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The executables and libraries that {@code org.bytedeco:ffmpeg}'s platform jar carries under
 * {@code org/bytedeco/ffmpeg/<platform>/}, read straight from the jar (or from a plain folder when
 * the classes run unpacked). JavaCPP's own loader is avoided on purpose: it loads every JNI library
 * into the JVM, which is slow and fails when an audio library is missing, and ova only needs files.
 */
final class BundledResources {

    private static final String POM_PROPERTIES = "META-INF/maven/org.bytedeco/ffmpeg/pom.properties";

    private final Path container;
    private final boolean jar;
    private final String folder;

    private BundledResources(Path container, boolean jar, String folder) {
        this.container = container;
        this.jar = jar;
        this.folder = folder;
    }

    /** The resources for {@code platform} (e.g. {@code linux-x86_64}) on the class path, if shipped. */
    static Optional<BundledResources> find(ClassLoader loader, String platform) {
        String folder = "org/bytedeco/ffmpeg/" + platform + "/";
        URL probe = loader.getResource(folder + "ffmpeg");
        if (probe == null) {
            probe = loader.getResource(folder + "ffmpeg.exe");
        }
        if (probe == null) {
            return Optional.empty();
        }
        try {
            if (probe.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) probe.openConnection();
                Path jarFile = Path.of(connection.getJarFileURL().toURI());
                return Optional.of(new BundledResources(jarFile, true, folder));
            }
            if (probe.getProtocol().equals("file")) {
                Path root = Path.of(probe.toURI()).getParent();
                for (int i = 0; i < 4; i++) {
                    root = root.getParent();
                }
                return Optional.of(new BundledResources(root, false, folder));
            }
        } catch (IOException | URISyntaxException e) {
            throw new FfmpegException("cannot read the bundled ffmpeg at " + probe + ": " + e.getMessage(), e);
        }
        throw new FfmpegException("cannot read the bundled ffmpeg from " + probe
                + ": only jar files and folders are supported; install ffmpeg or set ffmpeg.path");
    }

    /** The {@code org.bytedeco:ffmpeg} version these files came with, e.g. {@code 7.1.1-1.5.12}. */
    Optional<String> version() {
        return withEntry(POM_PROPERTIES, in -> {
                    Properties properties = new Properties();
                    properties.load(in);
                    return Optional.ofNullable(properties.getProperty("version"));
                })
                .flatMap(v -> v);
    }

    /** File names directly in the platform folder, sorted. */
    List<String> fileNames() {
        List<String> names = new ArrayList<>();
        try {
            if (jar) {
                try (JarFile file = new JarFile(container.toFile())) {
                    Collections.list(file.entries()).stream()
                            .map(JarEntry::getName)
                            .filter(n -> n.startsWith(folder) && n.length() > folder.length())
                            .map(n -> n.substring(folder.length()))
                            .filter(n -> !n.contains("/"))
                            .forEach(names::add);
                }
            } else {
                try (Stream<Path> files = Files.list(container.resolve(folder))) {
                    files.filter(Files::isRegularFile)
                            .map(p -> p.getFileName().toString())
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundled ffmpeg in " + container + ": " + e.getMessage(), e);
        }
        Collections.sort(names);
        return names;
    }

    /** Copies the file {@code name} of the platform folder to {@code target}. */
    void copy(String name, Path target) {
        Optional<Boolean> copied = withEntry(folder + name, in -> {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        });
        if (copied.isEmpty()) {
            throw new FfmpegException("the bundled ffmpeg in " + container + " has no " + folder + name);
        }
    }

    @Override
    public String toString() {
        return container.toString();
    }

    private interface EntryReader<T> {
        T read(InputStream in) throws IOException;
    }

    private <T> Optional<T> withEntry(String entryName, EntryReader<T> reader) {
        try {
            if (jar) {
                try (JarFile file = new JarFile(container.toFile())) {
                    JarEntry entry = file.getJarEntry(entryName);
                    if (entry == null) {
                        return Optional.empty();
                    }
                    try (InputStream in = file.getInputStream(entry)) {
                        return Optional.of(reader.read(in));
                    }
                }
            }
            Path path = container.resolve(entryName);
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(path)) {
                return Optional.of(reader.read(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + entryName + " from " + container + ": " + e.getMessage(), e);
        }
    }
}
