package org.ova.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ova.media.MediaProbe;
import org.ova.media.ProbeResult;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegCapabilitiesReader;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.media.pipeline.MediaTools;
import org.ova.media.pipeline.VideoJob;
import org.ova.media.pipeline.VideoLog;
import org.ova.media.steps.SpriteSheetStep;
import org.ova.repo.config.HwAccel;
import org.ova.repo.config.ProcessingOptions;
import org.ova.repo.config.WebProxyMode;
import org.ova.repo.metadata.VrMode;

/**
 * Times ova's scrub sprites against the bare ffmpeg keyframe pass and against one ffmpeg run per
 * thumbnail (Stash's method), side by side on the same file. Run through {@code bench/sprites.sh}.
 *
 * <p>Usage: {@code SpriteBench WORKDIR [MINUTES] [REPEATS]}; the test clip (480p H.264, a keyframe
 * every 10 s) is made once and kept in WORKDIR.
 */
public final class SpriteBench {

    private static final double INTERVAL = 10;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "bench/results/sprites");
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(work);
        FfmpegInstallation ffmpeg = TestClips.installation();
        String ff = ffmpeg.ffmpeg().toString();
        System.out.println("ffmpeg: " + ff + " (" + ffmpeg.source() + ")");

        Path clip = work.resolve("clip-" + minutes + "min-480p-g250.mp4");
        if (!Files.isRegularFile(clip)) {
            String encoder = new FfmpegCapabilitiesReader()
                    .read(ffmpeg.ffmpeg())
                    .h264Encoder()
                    .orElseThrow();
            long start = System.nanoTime();
            exec(List.of(
                    ff,
                    "-hide_banner",
                    "-loglevel",
                    "error",
                    "-y",
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc2=size=854x480:rate=25:duration=" + minutes * 60,
                    "-c:v",
                    encoder,
                    "-b:v",
                    "1M",
                    "-g",
                    "250",
                    "-pix_fmt",
                    "yuv420p",
                    work.resolve("encoding.mp4").toString()));
            Files.move(work.resolve("encoding.mp4"), clip);
            System.out.printf(Locale.ROOT, "made %s with %s in %.1f s%n", clip, encoder, seconds(start));
        }
        ProbeResult probe = new MediaProbe(ffmpeg.ffprobe()).probe(clip);
        System.out.printf(
                Locale.ROOT,
                "clip: %s, %.1f s, %dx%d %s%n",
                clip.getFileName(),
                probe.durationSeconds(),
                probe.width(),
                probe.height(),
                probe.videoCodec());

        MediaTools tools = new MediaTools(
                new FfmpegRunner(ffmpeg.ffmpeg(), Duration.ofMinutes(10)),
                new FfmpegCapabilitiesReader().read(ffmpeg.ffmpeg()),
                List.of(),
                false,
                0);
        ProcessingOptions options = new ProcessingOptions(
                true, 1, 0, HwAccel.NONE, true, INTERVAL, 160, 10, 10, 320, true, 10, 0.75, 320, WebProxyMode.AUTO);
        SpriteSheetStep step = new SpriteSheetStep(options);
        VideoJob job =
                new VideoJob("bench", clip.getFileName().toString(), clip, probe, VrMode.FLAT, tools, new VideoLog());

        Path ovaOut = work.resolve("ova");
        Path bareOut = work.resolve("bare");
        runStep(step, job, ovaOut); // warm-up: JIT, page cache
        List<Double> ova = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            runStep(step, job, ovaOut);
            ova.add(seconds(start));
            fresh(bareOut);
            start = System.nanoTime();
            exec(List.of(
                    ff,
                    "-hide_banner",
                    "-loglevel",
                    "error",
                    "-nostdin",
                    "-y",
                    "-skip_frame",
                    "nokey",
                    "-i",
                    clip.toString(),
                    "-vf",
                    "fps=1/" + (int) INTERVAL + ",scale=160:-2,tile=10x10",
                    "-an",
                    bareOut.resolve("out%d.jpg").toString()));
            bare.add(seconds(start));
        }

        // on the keyframes (T = 0, 10, ...: each seek decodes one frame, the per-thumbnail method's
        // best case) and between them (T = 5, 15, ...: each seek decodes half a keyframe interval)
        double[] onKeyframes = perThumbnail(ff, clip, probe.durationSeconds(), 0, work.resolve("per-thumbnail"));
        double[] between = perThumbnail(ff, clip, probe.durationSeconds(), INTERVAL / 2, work.resolve("per-thumbnail"));
        double perThumbnail = onKeyframes[0];
        int thumbnails = (int) onKeyframes[1];

        double a = median(ova);
        double b = median(bare);
        System.out.printf(
                Locale.ROOT,
                "cues: %d, sheets: %s%n",
                Files.readAllLines(ovaOut.resolve(SpriteSheetStep.VTT_FILE)).stream()
                        .filter(l -> l.contains("-->"))
                        .count(),
                names(ovaOut));
        System.out.printf(Locale.ROOT, "(a) ova SpriteSheetStep      median %.2f s  runs %s%n", a, ova);
        System.out.printf(Locale.ROOT, "(b) bare ffmpeg keyframe pass median %.2f s  runs %s%n", b, bare);
        System.out.printf(
                Locale.ROOT, "(c) one ffmpeg per thumbnail  %.2f s for %d thumbnails%n", perThumbnail, thumbnails);
        System.out.printf(
                Locale.ROOT, "(c') the same, T between keyframes %.2f s for %d thumbnails%n", between[0], (int)
                        between[1]);
        System.out.printf(
                Locale.ROOT,
                "a/b = %.2f (budget <= 1.3)   c/a = %.1f (budget >= 8)   c'/a = %.1f%n",
                a / b,
                perThumbnail / a,
                between[0] / a);
    }

    /** Seconds for one ffmpeg run per thumbnail at {@code offset}, {@code offset + 10}, ..., and the count. */
    private static double[] perThumbnail(String ff, Path clip, double duration, double offset, Path out) {
        fresh(out);
        int thumbnails = 0;
        long start = System.nanoTime();
        for (double t = offset; t < duration; t += INTERVAL) {
            exec(List.of(
                    ff,
                    "-hide_banner",
                    "-loglevel",
                    "error",
                    "-nostdin",
                    "-y",
                    "-ss",
                    String.valueOf(t),
                    "-i",
                    clip.toString(),
                    "-frames:v",
                    "1",
                    "-vf",
                    "scale=160:-2",
                    out.resolve("out_" + (int) t + ".jpg").toString()));
            thumbnails++;
        }
        return new double[] {seconds(start), thumbnails};
    }

    private static void runStep(SpriteSheetStep step, VideoJob job, Path out) {
        fresh(out);
        step.run(job, out);
    }

    private static void fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static void exec(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("failed: " + command + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
