package org.ova.media;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.ova.media.ffmpeg.BundledFfmpeg;
import org.ova.media.ffmpeg.CommandRunner;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegCapabilitiesReader;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegLocator;
import org.ova.repo.AtomicFiles;
import org.ova.repo.metadata.Chapter;

/**
 * Makes tiny real clips (ffmpeg's {@code testsrc2} picture and a {@code sine} tone) with the ffmpeg
 * ova itself would use, so media tests run on genuine files without shipping any. A one-second
 * 160x90 clip takes well under a second to make. The container follows the file name's extension:
 * {@code .mp4} and {@code .mkv} get H.264 (libx264, else libopenh264), {@code .webm} gets VP8.
 */
public final class TestClips {

    /** What to put in a clip; start from {@link #of} and add options. */
    public record Spec(
            double seconds,
            int width,
            int height,
            boolean audio,
            int keyframeInterval,
            int displayRotation,
            List<Chapter> chapters,
            String stereoMode,
            String audioCodec) {

        /** A silent clip at 25 fps with ffmpeg's default keyframe interval. */
        public static Spec of(double seconds, int width, int height) {
            return new Spec(seconds, width, height, false, 0, 0, List.of(), "", "");
        }

        /** A tone in AAC (Opus for WebM). */
        public Spec withAudio() {
            return withAudio("");
        }

        /** A tone encoded with {@code codec}, e.g. {@code ac3}; empty for AAC (Opus for WebM). */
        public Spec withAudio(String codec) {
            return new Spec(
                    seconds, width, height, true, keyframeInterval, displayRotation, chapters, stereoMode, codec);
        }

        /** A keyframe every {@code frames} frames ({@code -g}). */
        public Spec keyframeEvery(int frames) {
            return new Spec(seconds, width, height, audio, frames, displayRotation, chapters, stereoMode, audioCodec);
        }

        /** A display matrix turning the picture {@code degrees} counter-clockwise, as phones write it. */
        public Spec displayRotation(int degrees) {
            return new Spec(seconds, width, height, audio, keyframeInterval, degrees, chapters, stereoMode, audioCodec);
        }

        public Spec withChapters(List<Chapter> list) {
            return new Spec(
                    seconds, width, height, audio, keyframeInterval, displayRotation, list, stereoMode, audioCodec);
        }

        /** Matroska/WebM StereoMode, e.g. {@code left_right} or {@code top_bottom}. */
        public Spec stereoMode(String mode) {
            return new Spec(
                    seconds, width, height, audio, keyframeInterval, displayRotation, chapters, mode, audioCodec);
        }
    }

    /**
     * What each ffmpeg binary can do, read once per test JVM: reading it runs ffmpeg five times, and
     * the media, server and browser tests would otherwise read it again in every class. The binaries
     * do not change while the tests run; FfmpegCapabilitiesReaderTest and CapabilitiesCacheTest still
     * read a binary themselves.
     */
    private static final Map<Path, FfmpegCapabilities> CAPABILITIES = new ConcurrentHashMap<>();

    /**
     * The clips made in this JVM, so that the many tests asking for the same few (a second of
     * 160x90, …) copy one instead of running ffmpeg again; deleted when the JVM exits.
     */
    private static final Map<Made, Path> MADE = new ConcurrentHashMap<>();

    private static final Path MADE_FOLDER = madeFolder();

    private final Path ffmpeg;
    private final FfmpegCapabilities capabilities;

    public TestClips(Path ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.capabilities = capabilities(ffmpeg);
    }

    private static Path madeFolder() {
        try {
            Path folder = Files.createTempDirectory("ova-test-clips-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder), "ova-delete-test-clips"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** What {@code ffmpeg} can do, as {@link FfmpegCapabilitiesReader} reads it (once per binary and JVM). */
    public static FfmpegCapabilities capabilities(Path ffmpeg) {
        return CAPABILITIES.computeIfAbsent(ffmpeg, binary -> new FfmpegCapabilitiesReader().read(binary));
    }

    /** The length of {@code file}'s first video stream as ffprobe reads it (the audio may end later). */
    public static double videoSeconds(Path file) {
        CommandRunner.Result probe = new CommandRunner(Duration.ofSeconds(30))
                .run(List.of(
                        installation().ffprobe().toString(),
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=duration",
                        "-of",
                        "csv=p=0",
                        file.toString()));
        return Double.parseDouble(probe.stdout().trim());
    }

    /**
     * The ffmpeg the tests run, chosen explicitly by the system property {@code ova.test.ffmpeg} or
     * the environment variable {@code OVA_TEST_FFMPEG}: {@code bundled} (the default: the build from
     * the org.bytedeco jar, whatever is on PATH), {@code system} (the first on PATH, e.g. Debian's
     * /usr/bin/ffmpeg; the tests fail when there is none) or a folder holding {@code ffmpeg} and
     * {@code ffprobe} (e.g. an older build unpacked by Maven, which drops the files' modes: they are
     * made executable here).
     */
    public static FfmpegInstallation installation() {
        String choice =
                System.getProperty("ova.test.ffmpeg", System.getenv().getOrDefault("OVA_TEST_FFMPEG", "bundled"));
        return switch (choice) {
            case "bundled" ->
                new FfmpegLocator(Map.of("PATH", ""), BundledFfmpeg.inUserCache(System.getenv()))
                        .locate(Optional.empty(), Optional.empty());
            case "system" -> {
                FfmpegInstallation found = FfmpegLocator.forThisMachine().locate(Optional.empty(), Optional.empty());
                if (found.source() != FfmpegInstallation.Source.PATH) {
                    throw new IllegalStateException(
                            "ova.test.ffmpeg=system, but there is no ffmpeg on PATH: " + found.why());
                }
                yield found;
            }
            default -> {
                Path folder = Path.of(choice);
                if (!Files.isDirectory(folder)) {
                    throw new IllegalArgumentException("ova.test.ffmpeg (OVA_TEST_FFMPEG) is '" + choice
                            + "'; use bundled, system or a folder holding ffmpeg and ffprobe");
                }
                for (String program : List.of("ffmpeg", "ffprobe")) {
                    if (!folder.resolve(program).toFile().setExecutable(true)) {
                        throw new IllegalStateException("no " + program + " in " + folder + " to run");
                    }
                }
                yield new FfmpegLocator(Map.of("PATH", folder.toString()), BundledFfmpeg.inUserCache(System.getenv()))
                        .locate(Optional.empty(), Optional.empty());
            }
        };
    }

    public static TestClips withLocatedFfmpeg() {
        return new TestClips(installation().ffmpeg());
    }

    /**
     * Writes a clip to {@code out} and returns {@code out}: a copy of the clip of the same spec and
     * container this ffmpeg made earlier in this JVM (it makes the same bytes each time), else a new one.
     */
    public Path clip(Path out, Spec spec) {
        Path made = MADE.computeIfAbsent(new Made(ffmpeg, extension(out), spec), key -> make(key.file(), spec));
        try {
            Files.copy(made, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A clip made in this JVM; {@link #file} is a new file to keep it in. */
    private record Made(Path ffmpeg, String extension, Spec spec) {

        Path file() {
            try {
                return Files.createTempFile(MADE_FOLDER, "clip-", "." + extension);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Path make(Path out, Spec spec) {
        String extension = extension(out);
        List<String> args = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y"));
        // -display_rotation is new in ffmpeg 7 (here); older ones take the rotate tag, on a copy below
        boolean displayRotationOption = capabilities.atLeast(7, 0);
        if (spec.displayRotation() != 0 && displayRotationOption) {
            // without -noautorotate ffmpeg would turn the picture itself and drop the matrix
            args.addAll(List.of("-noautorotate", "-display_rotation", String.valueOf(spec.displayRotation())));
        }
        args.addAll(List.of(
                "-f",
                "lavfi",
                "-i",
                String.format(
                        Locale.ROOT,
                        "testsrc2=size=%dx%d:rate=25:duration=%s",
                        spec.width(),
                        spec.height(),
                        spec.seconds())));
        int inputs = 1;
        if (spec.audio()) {
            args.addAll(
                    List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + spec.seconds()));
            inputs++;
        }
        if (!spec.chapters().isEmpty()) {
            Path metadata = out.resolveSibling(out.getFileName() + ".ffmetadata");
            AtomicFiles.write(metadata, ffmetadata(spec.chapters(), spec.seconds()));
            args.addAll(List.of("-f", "ffmetadata", "-i", metadata.toString()));
            args.addAll(List.of("-map_chapters", String.valueOf(inputs)));
        }
        args.addAll(List.of("-map", "0:v"));
        if (spec.audio()) {
            String audioCodec =
                    !spec.audioCodec().isEmpty() ? spec.audioCodec() : extension.equals("webm") ? "libopus" : "aac";
            args.addAll(List.of("-map", "1:a", "-c:a", audioCodec));
        }
        args.addAll(List.of("-c:v", videoEncoder(extension), "-pix_fmt", "yuv420p"));
        if (spec.keyframeInterval() > 0) {
            args.addAll(List.of("-g", String.valueOf(spec.keyframeInterval())));
            if (videoEncoder(extension).equals("libx264")) {
                // no extra keyframes at scene changes: exactly one every N frames
                args.addAll(List.of("-sc_threshold", "0"));
            }
        }
        if (!spec.stereoMode().isEmpty()) {
            args.addAll(List.of("-metadata:s:v:0", "stereo_mode=" + spec.stereoMode()));
        }
        args.add(out.toString());
        run(args);
        if (spec.displayRotation() != 0 && !displayRotationOption) {
            Path unrotated = out.resolveSibling(out.getFileName() + ".unrotated." + extension);
            try {
                Files.move(out, unrotated, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            run(List.of(
                    ffmpeg.toString(),
                    "-hide_banner",
                    "-loglevel",
                    "error",
                    "-y",
                    "-i",
                    unrotated.toString(),
                    "-map",
                    "0",
                    "-c",
                    "copy",
                    "-metadata:s:v:0",
                    "rotate=" + spec.displayRotation(),
                    out.toString()));
        }
        return out;
    }

    /** An audio-only AAC file ({@code .m4a}) of {@code seconds}. */
    public Path audioOnly(Path out, double seconds) {
        run(List.of(
                ffmpeg.toString(),
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=" + seconds,
                "-c:a",
                "aac",
                out.toString()));
        return out;
    }

    private String videoEncoder(String extension) {
        if (extension.equals("webm")) {
            return "libvpx";
        }
        return capabilities.h264Encoder().orElse("libvpx");
    }

    private static String ffmetadata(List<Chapter> chapters, double seconds) {
        StringBuilder text = new StringBuilder(";FFMETADATA1\n");
        for (int i = 0; i < chapters.size(); i++) {
            long start = Math.round(chapters.get(i).start() * 1000);
            long end = i + 1 < chapters.size()
                    ? Math.round(chapters.get(i + 1).start() * 1000)
                    : Math.round(seconds * 1000);
            text.append("[CHAPTER]\nTIMEBASE=1/1000\nSTART=")
                    .append(start)
                    .append("\nEND=")
                    .append(end)
                    .append("\ntitle=")
                    .append(chapters.get(i).title())
                    .append('\n');
        }
        return text.toString();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (!process.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS)
                    || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg failed to make a test clip: " + command + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
