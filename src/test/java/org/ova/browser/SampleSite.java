package org.ova.browser;

import io.undertow.Undertow;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.MimeMappings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.ova.cli.Main;
import org.ova.cli.OvaCli;

/**
 * A copy of {@code sample-repo/} built by {@code ova build} (real ffmpeg, real renderer), and a
 * real HTTP server (Undertow, with byte ranges so videos can seek) serving the library folder on a
 * loopback port, so the same pages can be opened both from {@code file://} and over http.
 */
final class SampleSite implements AutoCloseable {

    final Path library;
    final Path site;
    private final Undertow server;
    private final int port;

    private SampleSite(Path library, Undertow server, int port) {
        this.library = library;
        this.site = library.resolve(".ova-repo/site");
        this.server = server;
        this.port = port;
    }

    /** A change to the copied library before it is built (e.g. a metadata file rewritten). */
    @FunctionalInterface
    interface Edit {
        void apply(Path library) throws IOException;
    }

    static SampleSite build() throws IOException {
        return build(library -> {});
    }

    /** The sample library as {@code edit} leaves it, built and served. */
    static SampleSite build(Edit edit) throws IOException {
        return build(edit, false);
    }

    /**
     * The same, where {@code edit} may add files that cannot be processed: the build then lists them
     * and exits 1 (problems with single files), which is expected when {@code problemsExpected}.
     */
    static SampleSite build(Edit edit, boolean problemsExpected) throws IOException {
        Path library = Files.createTempDirectory("ova-sample-site-");
        copyTree(Pristine.built(), library, path -> false);
        edit.apply(library);
        // the pristine build made the sample's media: this build only processes what edit added
        build(library, problemsExpected);
        MimeMappings mime = MimeMappings.builder(true)
                .addMapping("mp4", "video/mp4")
                .addMapping("webm", "video/webm")
                .addMapping("vtt", "text/vtt")
                .addMapping("js", "text/javascript")
                .addMapping("svg", "image/svg+xml")
                .build();
        Undertow server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(new ResourceHandler(new PathResourceManager(library, 1024)).setMimeMappings(mime))
                .build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        return new SampleSite(library, server, port);
    }

    /** The site's root URL, ending in {@code /}, for {@code file} or {@code http}. */
    String base(String protocol) {
        return protocol.equals("http")
                ? "http://127.0.0.1:" + port + "/.ova-repo/site/"
                : site.toUri().toString();
    }

    @Override
    public void close() {
        server.stop();
        deleteQuietly(library);
    }

    /**
     * {@code sample-repo/} built once per test JVM (processing its clips takes seconds) into a folder
     * each site copies, with the files' times, so its own build finds the media up to date.
     */
    private static final class Pristine {

        private static Path built;

        static synchronized Path built() throws IOException {
            if (built == null) {
                Path library = Files.createTempDirectory("ova-sample-pristine-");
                // what a build of sample-repo/ itself left there is not copied, folders included:
                // an empty leftover site folder would make the build refuse to write the site
                copyTree(
                        Path.of("sample-repo"),
                        library,
                        source -> Stream.of(
                                        ".ova-repo/machine",
                                        ".ova-repo/media",
                                        ".ova-repo/site",
                                        ".ova-repo/logs",
                                        ".ova-repo/staging")
                                .anyMatch(source.toString()::contains));
                SampleSite.build(library, false);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(library)));
                built = library;
            }
            return built;
        }
    }

    private static void build(Path library, boolean problemsExpected) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true);
        int code = new OvaCli(out, out, Main.commands()).run("build", "-q", library.toString());
        boolean expected = code == 0 || (problemsExpected && code == 1);
        if (!expected || !Files.isRegularFile(library.resolve(".ova-repo/site/index.html"))) {
            throw new IllegalStateException("ova build of the sample library failed (" + code + "):\n" + log);
        }
    }

    private static void copyTree(Path from, Path to, Predicate<Path> skipped) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                if (skipped.test(source)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals("config.yaml")) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind
        }
    }
}
