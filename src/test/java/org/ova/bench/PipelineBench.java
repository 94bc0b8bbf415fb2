package org.ova.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.ova.FileTrees;
import org.ova.media.MediaProbe;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegCapabilitiesReader;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.media.pipeline.HardwareDecoding;
import org.ova.media.pipeline.MediaPipeline;
import org.ova.media.pipeline.MediaTools;
import org.ova.media.pipeline.ProcessingState;
import org.ova.media.pipeline.Progress;
import org.ova.media.steps.StandardSteps;
import org.ova.repo.BuildReport;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.config.ProcessingOptions;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.scan.IndexedVideo;
import org.ova.repo.scan.LibraryIndexer;
import org.ova.repo.scan.ScanOptions;

/**
 * The processing pipeline's performance budgets (issue 3), run through {@code bench/pipeline.sh}:
 * <ul>
 *   <li>{@code single WORK CLIP...}: the whole pipeline for one video against the sum of the bare
 *       ffmpeg/ffprobe commands it runs (captured by a logging wrapper, replayed with ProcessBuilder);</li>
 *   <li>{@code parallel WORK}: 20 short videos with parallel 1 and parallel 2;</li>
 *   <li>{@code library WORK COUNT}: makes a library of COUNT byte-distinct tiny clips, processes one
 *       for real and gives every other the same state and media, so {@code ova build} has nothing to do.</li>
 * </ul>
 * Default processing options; CPU decoding; ffmpeg {@code -threads} left to ffmpeg, as by default.
 */
public final class PipelineBench {

    private static final double JAFFREE_SLEEP_SECONDS = 0.1;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[1]);
        Files.createDirectories(work);
        FfmpegInstallation ffmpeg = TestClips.installation();
        FfmpegCapabilities capabilities = new FfmpegCapabilitiesReader().read(ffmpeg.ffmpeg());
        switch (args[0]) {
            case "single" -> {
                List<Path> clips = new ArrayList<>();
                for (int i = 2; i < args.length; i++) {
                    clips.add(Path.of(args[i]));
                }
                single(work, ffmpeg, capabilities, clips);
            }
            case "parallel" -> parallel(work, ffmpeg, capabilities);
            case "library" -> library(work, ffmpeg, capabilities, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("usage: PipelineBench single|parallel|library WORK ...");
        }
    }

    // ---- (a) one video: pipeline vs its bare commands ----

    private static void single(Path work, FfmpegInstallation ffmpeg, FfmpegCapabilities capabilities, List<Path> clips)
            throws Exception {
        Path two = work.resolve("clip-2min-480p.mp4");
        if (!Files.isRegularFile(two)) {
            new TestClips(ffmpeg.ffmpeg())
                    .clip(
                            work.resolve("encoding.mp4"),
                            TestClips.Spec.of(120, 854, 480)
                                    .withAudio()
                                    .keyframeEvery(250)
                                    .withChapters(List.of(
                                            new Chapter(0, "Start"),
                                            new Chapter(40, "Middle"),
                                            new Chapter(80, "End"))));
            Files.move(work.resolve("encoding.mp4"), two);
        }
        for (Path clip : clips) {
            if (!Files.isRegularFile(clip)) {
                // the recipe of SpriteBench, so both benchmarks share the clip
                Files.createDirectories(clip.toAbsolutePath().getParent());
                Path encoding = clip.resolveSibling("encoding.mp4");
                new FfmpegRunner(ffmpeg.ffmpeg(), Duration.ofMinutes(30))
                        .run(
                                clip,
                                "a bench clip",
                                List.of(
                                        "-loglevel",
                                        "error",
                                        "-f",
                                        "lavfi",
                                        "-i",
                                        "testsrc2=size=854x480:rate=25:duration=600",
                                        "-c:v",
                                        capabilities.h264Encoder().orElseThrow(),
                                        "-b:v",
                                        "1M",
                                        "-g",
                                        "250",
                                        "-pix_fmt",
                                        "yuv420p",
                                        encoding.toString()));
                Files.move(encoding, clip);
            }
        }
        List<Path> all = new ArrayList<>(List.of(two));
        all.addAll(clips);
        System.out.println("(a) whole pipeline for one video vs the sum of its bare ffmpeg/ffprobe commands");
        for (Path clip : all) {
            Path wrappers = fresh(work.resolve("wrappers"));
            Path commands = Files.createDirectories(wrappers.resolve("commands"));
            Path loggingFfmpeg = wrapper(wrappers.resolve("ffmpeg"), ffmpeg.ffmpeg(), commands);
            Path loggingFfprobe = wrapper(wrappers.resolve("ffprobe"), ffmpeg.ffprobe(), commands);
            // warm-up run through the logging wrappers: JIT, page cache, and the exact argument lists
            runPipeline(work.resolve("lib-capture"), clip, loggingFfmpeg, loggingFfprobe, capabilities, 1);
            List<List<String>> captured = captured(commands, ffmpeg);
            Path lib = work.resolve("lib-timed");
            long start = System.nanoTime();
            runPipeline(lib, clip, ffmpeg.ffmpeg(), ffmpeg.ffprobe(), capabilities, 1);
            double pipeline = seconds(start);
            double bare = 0;
            List<Double> each = new ArrayList<>();
            for (List<String> command : captured) {
                each.add(replay(command, work.resolve("lib-capture")));
                bare += each.get(each.size() - 1);
            }
            // only ffprobe still runs through Jaffree (ffmpeg runs as a plain process)
            double jaffree = captured.stream()
                            .filter(c ->
                                    Path.of(c.get(0)).getFileName().toString().startsWith("ffprobe"))
                            .count()
                    * JAFFREE_SLEEP_SECONDS;
            System.out.printf(
                    Locale.ROOT,
                    "  %s: pipeline %.2f s, bare commands %.2f s (%d runs: %s), ratio %.2f"
                            + " (budget <= 1.3); Jaffree's 100 ms pause after ffprobe is %.2f s of the %.2f s gap;"
                            + " without it the ratio would be %.2f%n",
                    clip.getFileName(),
                    pipeline,
                    bare,
                    captured.size(),
                    programs(captured),
                    pipeline / bare,
                    jaffree,
                    pipeline - bare,
                    (pipeline - jaffree) / bare);
            for (int i = 0; i < captured.size(); i++) {
                List<String> command = captured.get(i);
                String line = String.join(" ", command.subList(1, command.size()));
                System.out.printf(
                        Locale.ROOT,
                        "    %.2f s  %s %s%n",
                        each.get(i),
                        Path.of(command.get(0)).getFileName(),
                        line.length() > 400 ? line.substring(0, 400) + " ..." : line);
            }
        }
    }

    private static void runPipeline(
            Path lib, Path clip, Path ffmpeg, Path ffprobe, FfmpegCapabilities capabilities, int parallel)
            throws IOException {
        fresh(lib);
        Path file = lib.resolve("video.mp4");
        Files.createLink(file, clip.toAbsolutePath());
        process(
                new LibraryLayout(lib.toRealPath()),
                List.of(video("bench", "video.mp4", lib.toRealPath())),
                ffmpeg,
                ffprobe,
                capabilities,
                parallel);
    }

    private static MediaPipeline.Video video(String id, String path, Path root) {
        return new MediaPipeline.Video(id, path, root.resolve(path));
    }

    /** Probes and processes like {@code ova build}, with the default options and CPU decoding. */
    private static ProcessingState process(
            LibraryLayout layout,
            List<MediaPipeline.Video> videos,
            Path ffmpeg,
            Path ffprobe,
            FfmpegCapabilities capabilities,
            int parallel) {
        return process(
                layout,
                videos,
                ffmpeg,
                ffprobe,
                capabilities,
                parallel,
                OvaConfig.defaults()
                        .processing()
                        .effectiveThreads(Runtime.getRuntime().availableProcessors(), parallel));
    }

    private static ProcessingState process(
            LibraryLayout layout,
            List<MediaPipeline.Video> videos,
            Path ffmpeg,
            Path ffprobe,
            FfmpegCapabilities capabilities,
            int parallel,
            int threads) {
        ProcessingState state = ProcessingState.load(layout.processingStateFile());
        MediaPipeline pipeline = new MediaPipeline(layout, state, parallel, Progress.SILENT);
        BuildReport report = new BuildReport();
        pipeline.probe(videos, new MediaProbe(ffprobe), report);
        ProcessingOptions options = OvaConfig.defaults().processing();
        MediaTools tools = new MediaTools(
                new FfmpegRunner(ffmpeg, Duration.ofMinutes(30)), capabilities, List.of(), false, threads);
        pipeline.process(
                videos,
                id -> VideoMetadata.defaults("Bench"),
                StandardSteps.of(options, capabilities, job -> job.probe().chapters()),
                tools,
                sample -> HardwareDecoding.Choice.cpu("bench"),
                report);
        if (report.hasProblems()) {
            throw new IllegalStateException("processing failed: " + report.summaryLines(10));
        }
        return state;
    }

    /** A script that records its arguments (NUL-separated, one file per run) and runs {@code real}. */
    private static Path wrapper(Path script, Path real, Path commands) throws IOException {
        Files.writeString(
                script,
                "#!/bin/sh\nf='" + commands + "'/$(date +%s%N)-" + script.getFileName()
                        + "\nprintf '%s\\0' \"$@\" > \"$f\"\nexec '" + real + "' \"$@\"\n");
        if (!script.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + script + " executable");
        }
        return script;
    }

    private static List<List<String>> captured(Path commands, FfmpegInstallation ffmpeg) throws IOException {
        List<List<String>> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(commands)) {
            for (Path file : files.sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                List<String> command = new ArrayList<>();
                command.add((file.getFileName().toString().endsWith("ffprobe") ? ffmpeg.ffprobe() : ffmpeg.ffmpeg())
                        .toString());
                for (String argument : text.split("\0")) {
                    if (!argument.isEmpty()) {
                        command.add(argument);
                    }
                }
                all.add(command);
            }
        }
        return all;
    }

    /** Runs one captured command as is (its staging folders made again first); returns its seconds. */
    private static double replay(List<String> command, Path lib) throws Exception {
        String root = lib.toRealPath().toString();
        for (String argument : command) {
            if (argument.startsWith(root + "/.ova-repo/")) {
                Files.createDirectories(Path.of(argument).getParent());
            }
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        process.getOutputStream().close();
        int exit = process.waitFor();
        double seconds = seconds(start);
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit + ": " + command);
        }
        return seconds;
    }

    private static String programs(List<List<String>> commands) {
        long probes = commands.stream()
                .filter(command -> command.get(0).endsWith("ffprobe"))
                .count();
        return probes + " ffprobe + " + (commands.size() - probes) + " ffmpeg";
    }

    // ---- (b) 20 short videos, parallel 1 vs 2 ----

    private static void parallel(Path work, FfmpegInstallation ffmpeg, FfmpegCapabilities capabilities)
            throws Exception {
        Path clip = work.resolve("clip-10s-320x180.mp4");
        if (!Files.isRegularFile(clip)) {
            new TestClips(ffmpeg.ffmpeg())
                    .clip(
                            work.resolve("encoding.mp4"),
                            TestClips.Spec.of(10, 320, 180).withAudio());
            Files.move(work.resolve("encoding.mp4"), clip);
        }
        System.out.println("(b) 20 videos of 10 s at 320x180, default options");
        int cores = Runtime.getRuntime().availableProcessors();
        ProcessingOptions defaults = OvaConfig.defaults().processing();
        runMany(work.resolve("lib-warmup"), clip, 2, ffmpeg, capabilities, 2, 1); // JIT and page cache
        HeapSampler heap = HeapSampler.start();
        double one =
                runMany(work.resolve("lib-p1"), clip, 20, ffmpeg, capabilities, 1, defaults.effectiveThreads(cores, 1));
        double two =
                runMany(work.resolve("lib-p2"), clip, 20, ffmpeg, capabilities, 2, defaults.effectiveThreads(cores, 2));
        long peak = heap.stop();
        double twoOwnThreads = runMany(work.resolve("lib-p2"), clip, 20, ffmpeg, capabilities, 2, 0);
        double oneSingleThread = runMany(work.resolve("lib-p1"), clip, 20, ffmpeg, capabilities, 1, 1);
        System.out.printf(
                Locale.ROOT,
                "  parallel 1 (-threads %d): %.2f s, parallel 2 (-threads %d): %.2f s,"
                        + " speed-up %.2f (budget >= 1.6); peak used heap %d MB%n",
                defaults.effectiveThreads(cores, 1),
                one,
                defaults.effectiveThreads(cores, 2),
                two,
                one / two,
                peak >> 20);
        System.out.printf(
                Locale.ROOT,
                "  parallel 2 with ffmpeg's own thread count (threads 0 passed through,"
                        + " as before effectiveThreads): %.2f s, speed-up %.2f%n",
                twoOwnThreads,
                one / twoOwnThreads);
        // A single job already spreads ffmpeg's threads over both cores, which caps the ratio above;
        // with one ffmpeg thread per job on both sides the ratio shows how well jobs themselves scale.
        System.out.printf(
                Locale.ROOT,
                "  one ffmpeg thread per job on both sides: parallel 1 %.2f s, parallel 2 %.2f s," + " speed-up %.2f%n",
                oneSingleThread,
                two,
                oneSingleThread / two);
    }

    private static double runMany(
            Path lib,
            Path clip,
            int count,
            FfmpegInstallation ffmpeg,
            FfmpegCapabilities capabilities,
            int parallel,
            int threads)
            throws IOException {
        fresh(lib);
        Path root = lib.toRealPath();
        List<MediaPipeline.Video> videos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String path = String.format(Locale.ROOT, "video-%02d.mp4", i);
            Files.createLink(root.resolve(path), clip.toAbsolutePath());
            videos.add(video("v" + i, path, root));
        }
        long start = System.nanoTime();
        process(new LibraryLayout(root), videos, ffmpeg.ffmpeg(), ffmpeg.ffprobe(), capabilities, parallel, threads);
        return seconds(start);
    }

    // ---- (c, d) a library of processed videos ----

    private static void library(Path lib, FfmpegInstallation ffmpeg, FfmpegCapabilities capabilities, int count)
            throws Exception {
        fresh(lib);
        Path root = lib.toRealPath();
        Path tiny = root.resolveSibling("tiny.mp4");
        if (!Files.isRegularFile(tiny)) {
            new TestClips(ffmpeg.ffmpeg()).clip(tiny, TestClips.Spec.of(1, 160, 90));
        }
        byte[] content = Files.readAllBytes(tiny);
        for (int i = 0; i < count; i++) {
            Path file = root.resolve(String.format(Locale.ROOT, "folder-%02d/video-%04d.mp4", i / 100, i));
            Files.createDirectories(file.getParent());
            // trailing bytes after the last box make each file distinct; ffprobe ignores them
            Files.write(file, content);
            Files.writeString(file, "ova-bench-" + i, StandardOpenOption.APPEND);
        }
        LibraryLayout layout = new LibraryLayout(root);
        List<IndexedVideo> indexed = new LibraryIndexer(
                        ScanOptions.from(OvaConfig.defaults().library()))
                .index(layout)
                .videos();
        if (indexed.size() != count) {
            throw new IllegalStateException("indexed " + indexed.size() + " of " + count + " videos");
        }
        IndexedVideo first = indexed.get(0);
        ProcessingState real = process(
                layout,
                List.of(video(first.id(), first.path(), root)),
                ffmpeg.ffmpeg(),
                ffmpeg.ffprobe(),
                capabilities,
                1);
        ProcessingState state = ProcessingState.load(layout.processingStateFile());
        for (IndexedVideo video : indexed.subList(1, indexed.size())) {
            state.put(video.id(), real.get(first.id()));
            FileTrees.copy(layout.mediaDir(first.id()), layout.mediaDir(video.id()));
        }
        state.save();
        System.out.printf(
                Locale.ROOT,
                "made %d processed videos in %s (one processed for real, %s)%n",
                count,
                root,
                real.get(first.id()).steps().keySet());
    }

    // ---- helpers ----

    private static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Samples the used heap every 5 ms and keeps the highest value. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler.thread = new Thread(
                    () -> {
                        while (sampler.running) {
                            sampler.peak.accumulateAndGet(
                                    memory.getHeapMemoryUsage().getUsed(), Math::max);
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
