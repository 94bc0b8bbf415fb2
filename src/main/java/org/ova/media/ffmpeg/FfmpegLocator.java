package org.ova.media.ffmpeg;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ova.media.ffmpeg.FfmpegInstallation.Source;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.FfmpegOptions;

/**
 * Decides which ffmpeg and ffprobe ova runs: the configured paths ({@code ffmpeg.path},
 * {@code ffmpeg.ffprobePath}), else the first on {@code PATH}, else the bundled build. A configured
 * path that is wrong is an error, never silently skipped: the person asked for that binary.
 */
public final class FfmpegLocator {

    private final Map<String, String> env;
    private final BundledFfmpeg bundled;
    private final boolean windows;

    /**
     * @param env the environment to read {@code PATH} from
     * @param bundled the fallback build
     */
    public FfmpegLocator(Map<String, String> env, BundledFfmpeg bundled) {
        this.env = Map.copyOf(env);
        this.bundled = bundled;
        this.windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * The ffmpeg a library uses: its configured binaries (relative to the library root), else one on
     * {@code PATH} that is recent enough, else the bundled build.
     *
     * @throws FfmpegException when a configured path is wrong, or nothing usable is found
     */
    public static FfmpegInstallation forLibrary(LibraryLayout layout, FfmpegOptions options) {
        CapabilitiesCache capabilities = CapabilitiesCache.of(layout);
        return forThisMachine()
                .locate(
                        options.ffmpegBinary().map(layout.root()::resolve),
                        options.ffprobeBinary().map(layout.root()::resolve),
                        ffmpeg -> {
                            FfmpegCapabilities found = capabilities.capabilitiesOf(ffmpeg);
                            return found.tooOld() ? Optional.of(found.version()) : Optional.empty();
                        });
    }

    /** Reads this process's environment and caches the bundled build in the user's cache folder. */
    public static FfmpegLocator forThisMachine() {
        Map<String, String> env = System.getenv();
        return new FfmpegLocator(env, BundledFfmpeg.inUserCache(env));
    }

    /**
     * Finds ffmpeg and ffprobe. An ffprobe is taken from beside a configured or {@code PATH} ffmpeg
     * when it is there, so both come from the same build.
     *
     * @throws FfmpegException when a configured path is wrong, or nothing usable is found
     */
    public FfmpegInstallation locate(Optional<Path> configuredFfmpeg, Optional<Path> configuredFfprobe) {
        return locate(configuredFfmpeg, configuredFfprobe, path -> Optional.empty());
    }

    /**
     * Like {@link #locate(Optional, Optional)}, but an ffmpeg on {@code PATH} that ova cannot work with
     * is passed over for the bundled build (with its ffprobe), and {@code why()} says so. A configured
     * binary is always taken: the person asked for it.
     *
     * @param tooOld the version of an ffmpeg older than ova needs, or empty when it will do
     */
    public FfmpegInstallation locate(
            Optional<Path> configuredFfmpeg,
            Optional<Path> configuredFfprobe,
            Function<Path, Optional<String>> tooOld) {
        Optional<Found> fromPath = configuredFfmpeg.isPresent() ? Optional.empty() : onPath("ffmpeg");
        Optional<String> oldVersion = fromPath.flatMap(found -> tooOld.apply(found.path()));
        String passedOver = oldVersion
                .map(version -> "ffmpeg " + version + " on PATH ("
                        + fromPath.get().path() + ") is older than " + FfmpegCapabilities.MINIMUM_VERSION + ", so ")
                .orElse("");
        Found ffmpeg = configuredFfmpeg
                .map(path -> configured(path, "ffmpeg.path", "ffmpeg"))
                .or(() -> oldVersion.isPresent() ? Optional.empty() : fromPath)
                .orElse(null);
        Found ffprobe = configuredFfprobe
                .map(path -> configured(path, "ffmpeg.ffprobePath", "ffprobe"))
                .or(() -> Optional.ofNullable(ffmpeg).flatMap(this::besideFfmpeg))
                .or(() -> oldVersion.isPresent() ? Optional.empty() : onPath("ffprobe"))
                .orElse(null);
        BundledFfmpeg.Extracted extracted = ffmpeg == null || ffprobe == null ? bundled.install() : null;
        Found bundledWhy = extracted == null
                ? null
                : new Found(
                        extracted.ffmpeg(),
                        Source.BUNDLED,
                        passedOver + "bundled org.bytedeco:ffmpeg " + extracted.version() + ", extracted to "
                                + extracted.folder());
        Found finalFfmpeg = ffmpeg != null ? ffmpeg : bundledWhy;
        Found finalFfprobe = ffprobe != null
                ? ffprobe
                : new Found(extracted.ffprobe(), Source.BUNDLED, "ffprobe from the " + bundledWhy.why());
        String why = finalFfmpeg.why();
        if (finalFfprobe.source() != finalFfmpeg.source() || finalFfprobe.source() == Source.CONFIGURED) {
            why += "; " + finalFfprobe.why();
        }
        return new FfmpegInstallation(finalFfmpeg.path(), finalFfprobe.path(), finalFfmpeg.source(), why);
    }

    private record Found(Path path, Source source, String why) {}

    private Found configured(Path path, String key, String tool) {
        Path absolute = path.toAbsolutePath().normalize();
        String where = key + " in .ova-repo/config.yaml is " + absolute;
        if (Files.isDirectory(absolute)) {
            throw new FfmpegException(where + ", a folder: point it at the " + tool + " executable inside it"
                    + ", or remove the key to use " + tool + " from PATH");
        }
        if (!Files.exists(absolute)) {
            throw new FfmpegException(where + ", which does not exist: fix the path," + " or remove the key to use "
                    + tool + " from PATH");
        }
        if (!Files.isExecutable(absolute)) {
            throw new FfmpegException(where + ", which is not executable: make it executable (chmod +x),"
                    + " or remove the key to use " + tool + " from PATH");
        }
        return new Found(absolute, Source.CONFIGURED, tool + " from " + key + ": " + absolute);
    }

    private Optional<Found> besideFfmpeg(Found ffmpeg) {
        Path sibling = ffmpeg.path().resolveSibling(executableName("ffprobe"));
        return isExecutableFile(sibling)
                ? Optional.of(new Found(sibling, ffmpeg.source(), "ffprobe beside it: " + sibling))
                : Optional.empty();
    }

    private Optional<Found> onPath(String tool) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir).resolve(executableName(tool)).toAbsolutePath();
                if (isExecutableFile(candidate)) {
                    return Optional.of(new Found(candidate, Source.PATH, tool + " found on PATH: " + candidate));
                }
            } catch (InvalidPathException e) {
                // a malformed PATH entry cannot hold ffmpeg; the shell skips it too
            }
        }
        return Optional.empty();
    }

    private String executableName(String tool) {
        return windows ? tool + ".exe" : tool;
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
