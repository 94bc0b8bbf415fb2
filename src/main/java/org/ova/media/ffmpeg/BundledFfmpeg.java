package org.ova.media.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.ova.repo.AtomicFiles;

/**
 * The ffmpeg build shipped in the {@code org.bytedeco:ffmpeg} platform jar, so a machine with only
 * Java works. {@link #install()} extracts it once into
 * {@code ${XDG_CACHE_HOME:-~/.cache}/ova/ffmpeg/<version>-<platform>/}: files go to a temporary
 * sibling folder that is renamed into place only when complete (with a {@code .complete} marker),
 * so a crash never leaves a half-extracted build and every later run does no work at all.
 *
 * <p>Layout: the real files in {@code lib/}; on Unix, {@code ffmpeg} and {@code ffprobe} are small
 * wrapper scripts that put {@code lib/} on {@code LD_LIBRARY_PATH}, because the bundled libraries
 * find each other (e.g. libavcodec → libva.so.2) only through the loader's search path.
 */
public final class BundledFfmpeg {

    /** The extracted executables; {@code extractedNow} is false when the cache already had them. */
    public record Extracted(Path ffmpeg, Path ffprobe, Path folder, String version, boolean extractedNow) {}

    static final String MARKER = ".complete";

    private final Path cacheRoot;
    private final ClassLoader loader;
    private final String platform;
    private final SonameLinker linker;

    /**
     * @param cacheRoot the folder holding one sub-folder per extracted build
     * @param loader where the {@code org.bytedeco:ffmpeg} platform jar is on the class path
     * @param platform JavaCPP's platform name, e.g. {@code linux-x86_64}
     */
    public BundledFfmpeg(Path cacheRoot, ClassLoader loader, String platform) {
        this.cacheRoot = cacheRoot;
        this.loader = loader;
        this.platform = platform;
        this.linker = new SonameLinker(new CommandRunner(Duration.ofSeconds(30)));
    }

    /** The bundled build for this machine, cached under the user's cache folder. */
    public static BundledFfmpeg inUserCache(Map<String, String> env) {
        return new BundledFfmpeg(userCacheRoot(env), BundledFfmpeg.class.getClassLoader(), thisPlatform());
    }

    /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/ova/ffmpeg}. */
    static Path userCacheRoot(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
        return base.resolve("ova").resolve("ffmpeg");
    }

    /** JavaCPP's name for this machine's platform, e.g. {@code linux-x86_64} or {@code macosx-arm64}. */
    static String thisPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : "linux";
        String archName = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return osName + "-" + archName;
    }

    /** True when the class path carries a build for this platform. */
    public boolean isShipped() {
        return BundledResources.find(loader, platform).isPresent();
    }

    /**
     * Extracts the build unless the cache already holds a complete copy, and checks that it starts.
     *
     * @throws FfmpegException when no build is shipped for this platform or it cannot start here
     */
    public Extracted install() {
        BundledResources resources = BundledResources.find(loader, platform)
                .orElseThrow(() -> new FfmpegException(
                        "no ffmpeg found: install ffmpeg (it must be on PATH), or set ffmpeg.path in .ova-repo/config.yaml"
                                + " (no bundled build for " + platform + ")"));
        String version = resources.version().orElse("unversioned");
        Path target = cacheRoot.resolve(version + "-" + platform);
        if (Files.isRegularFile(target.resolve(MARKER))) {
            return extracted(target, version, false);
        }
        Path temp = null;
        try {
            Files.createDirectories(cacheRoot);
            temp = Files.createTempDirectory(cacheRoot, "." + target.getFileName() + "-");
            fill(temp, resources);
            AtomicFiles.write(temp.resolve(MARKER), "org.bytedeco:ffmpeg " + version + " " + platform + "\n");
            if (moveIntoPlace(temp, target)) {
                temp = null;
            }
            return extracted(target, version, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled ffmpeg to " + target + ": " + e.getMessage(), e);
        } finally {
            deleteTree(temp);
        }
    }

    private void fill(Path folder, BundledResources resources) throws IOException {
        Path lib = Files.createDirectory(folder.resolve("lib"));
        for (String name : resources.fileNames()) {
            // the libjni* files are JavaCPP's JNI glue; the executables never load them
            if (!name.startsWith("libjni")) {
                resources.copy(name, lib.resolve(name));
            }
        }
        if (windows()) {
            return;
        }
        for (String tool : new String[] {"ffmpeg", "ffprobe"}) {
            makeExecutable(lib.resolve(tool));
            Path wrapper = folder.resolve(tool);
            AtomicFiles.write(wrapper, wrapperScript(tool));
            makeExecutable(wrapper);
            linker.makeStartable(wrapper, lib);
        }
    }

    /** Found relative to itself, so the folder may be renamed after it is written. */
    static String wrapperScript(String tool) {
        return "#!/bin/sh\n"
                + "# Written by ova: the bundled libraries find each other through the loader's search path.\n"
                + "lib=\"$(dirname \"$0\")/lib\"\n"
                + "LD_LIBRARY_PATH=\"$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}\"\n"
                + "export LD_LIBRARY_PATH\n"
                + "exec \"$lib/" + tool + "\" \"$@\"\n";
    }

    private Extracted extracted(Path folder, String version, boolean now) {
        if (windows()) {
            return new Extracted(
                    folder.resolve("lib/ffmpeg.exe"), folder.resolve("lib/ffprobe.exe"), folder, version, now);
        }
        return new Extracted(folder.resolve("ffmpeg"), folder.resolve("ffprobe"), folder, version, now);
    }

    private boolean windows() {
        return platform.startsWith("windows");
    }

    /** Renames {@code temp} to {@code target}; false when another ova got there first. */
    private static boolean moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            if (Files.isRegularFile(target.resolve(MARKER))) {
                return false;
            }
            deleteTree(target); // an incomplete leftover: ova never renames an unmarked folder into place
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover temporary folder only costs disk space; the next run extracts afresh
        }
    }
}
