package org.ova.media.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.LogCapture;
import org.ova.media.MediaException;
import org.ova.media.MediaProbe;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.media.ffmpeg.ProcessRecords;
import org.ova.media.steps.SpriteSheetStep;
import org.ova.media.steps.StandardSteps;
import org.ova.media.steps.ThumbnailStep;
import org.ova.repo.BuildReport;
import org.ova.repo.LibraryLayout;
import org.ova.repo.PlayableFile;
import org.ova.repo.Shard;
import org.ova.repo.config.HwAccel;
import org.ova.repo.config.ProcessingOptions;
import org.ova.repo.config.WebProxyMode;
import org.ova.repo.metadata.VideoMetadata;

/**
 * The pipeline end to end on real files made with the ffmpeg ova uses: bad input is reported on one
 * line and never stops the library, nothing changed means no ffmpeg at all, only out-of-date steps
 * run again, failures are retried, parallel jobs keep their log lines together, and cancelling
 * kills ffmpeg and leaves no staging.
 */
class MediaPipelineTest {

    private static FfmpegInstallation installation;
    private static FfmpegCapabilities capabilities;
    private static TestClips clips;

    @TempDir
    static Path clipCache;

    @TempDir
    Path library;

    private LibraryLayout layout;
    private ProcessingState state;
    /** Counts ffmpeg runs through a wrapper script in front of the real binary. */
    private Path ffmpegRuns;

    private Path countingFfmpeg;

    @BeforeAll
    static void findFfmpeg() {
        installation = TestClips.installation();
        capabilities = TestClips.capabilities(installation.ffmpeg());
        clips = new TestClips(installation.ffmpeg());
    }

    private void setUp() throws IOException {
        if (layout != null) {
            return;
        }
        layout = new LibraryLayout(library.toRealPath());
        state = ProcessingState.load(layout.processingStateFile());
        Path tools = Files.createDirectories(clipCache.resolve("tools-" + System.nanoTime()));
        ffmpegRuns = tools.resolve("runs");
        countingFfmpeg = tools.resolve("ffmpeg");
        Files.writeString(
                countingFfmpeg,
                "#!/bin/sh\necho run >> '" + ffmpegRuns + "'\nexec '" + installation.ffmpeg() + "' \"$@\"\n");
        assertTrue(countingFfmpeg.toFile().setExecutable(true));
    }

    // ---- making inputs ----

    /** A real clip at {@code path} in the library. */
    private MediaPipeline.Video clip(String path, TestClips.Spec spec) throws IOException {
        setUp();
        Path file = library.resolve(path);
        Files.createDirectories(file.getParent());
        clips.clip(file, spec);
        return video(path);
    }

    private MediaPipeline.Video small(String path) throws IOException {
        return clip(path, TestClips.Spec.of(2, 160, 90).withAudio());
    }

    private MediaPipeline.Video video(String path) {
        // ids only need to be distinct folder names here; the scanner makes the real ones
        String id = "v" + Integer.toHexString(path.hashCode());
        return new MediaPipeline.Video(id, path, layout.root().resolve(path));
    }

    private MediaPipeline.Video written(String path, byte[] bytes) throws IOException {
        setUp();
        Files.write(library.resolve(path), bytes);
        return video(path);
    }

    /** Runs ffmpeg with {@code arguments} and the output file last. */
    private Path ffmpeg(Path out, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add(out.toString());
        new FfmpegRunner(installation.ffmpeg(), Duration.ofSeconds(60)).run(out, "a test input", all);
        return out;
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] firstPart(Path file, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return Arrays.copyOf(all, (int) (all.length * fraction));
    }

    // ---- running the pipeline ----

    private static ProcessingOptions options(double spriteInterval) {
        return new ProcessingOptions(
                true, 1, 0, HwAccel.NONE, true, spriteInterval, 160, 10, 10, 160, true, 4, 0.5, 160, WebProxyMode.AUTO);
    }

    private MediaPipeline pipeline(int parallel) {
        return new MediaPipeline(layout, state, parallel, Progress.SILENT);
    }

    /** Tools made on demand; counts how often the pipeline asked for them. */
    private final AtomicInteger toolRequests = new AtomicInteger();

    private int process(
            MediaPipeline pipeline, List<MediaPipeline.Video> videos, ProcessingOptions options, BuildReport report) {
        return process(pipeline, videos, StandardSteps.of(options, capabilities, job -> List.of()), report);
    }

    private int process(
            MediaPipeline pipeline, List<MediaPipeline.Video> videos, List<ProcessingStep> steps, BuildReport report) {
        FfmpegRunner runner = new FfmpegRunner(countingFfmpeg, Duration.ofSeconds(60));
        return pipeline.process(
                videos,
                id -> VideoMetadata.defaults("A video"),
                steps,
                new MediaTools(runner, capabilities, List.of(), false, 1),
                sample -> {
                    toolRequests.incrementAndGet();
                    return HardwareDecoding.Choice.cpu("on the CPU");
                },
                report);
    }

    /** Like {@link #process}, with the hardware a build would have chosen. */
    private int processWith(
            HardwareDecoding.Choice hardware,
            MediaPipeline pipeline,
            List<MediaPipeline.Video> videos,
            ProcessingOptions options,
            BuildReport report) {
        return pipeline.process(
                videos,
                id -> VideoMetadata.defaults("A video"),
                StandardSteps.of(options, capabilities, job -> List.of()),
                new MediaTools(
                        new FfmpegRunner(countingFfmpeg, Duration.ofSeconds(60)), capabilities, List.of(), false, 1),
                sample -> hardware,
                report);
    }

    private int build(List<MediaPipeline.Video> videos, ProcessingOptions options, BuildReport report) {
        MediaPipeline pipeline = pipeline(options.parallel());
        pipeline.probe(videos, new MediaProbe(installation.ffprobe()), report);
        return process(pipeline, videos, options, report);
    }

    private int ffmpegRuns() throws IOException {
        return Files.exists(ffmpegRuns) ? Files.readAllLines(ffmpegRuns).size() : 0;
    }

    // ---- checking the result ----

    private void assertProcessed(MediaPipeline.Video video) {
        Path media = layout.mediaDir(video.id());
        assertTrue(Files.isRegularFile(media.resolve("thumbnail/thumb.jpg")), video.path() + " has no thumbnail");
        assertTrue(Files.isRegularFile(media.resolve("sprites/sprites.vtt")), video.path() + " has no VTT");
        assertTrue(Files.isRegularFile(media.resolve("sprites/sprite-1.jpg")), video.path() + " has no sprites");
        assertTrue(
                Files.isRegularFile(media.resolve("preview/preview.mp4"))
                        || Files.isRegularFile(media.resolve("preview/preview.webm")),
                video.path() + " has no preview");
        assertEquals(Optional.empty(), state.get(video.id()).failure(), video.path());
    }

    /** The video has exactly one one-line problem naming it, a remembered failure, and no media. */
    private void assertFailed(MediaPipeline.Video video, String phase, BuildReport report, String reasonPart) {
        List<BuildReport.Problem> problems = report.problems().stream()
                .filter(problem -> problem.file().equals(video.path()))
                .toList();
        assertEquals(1, problems.size(), video.path() + ": " + report.problems());
        BuildReport.Problem problem = problems.get(0);
        assertEquals(phase, problem.phase().key(), problem.line());
        assertFalse(problem.line().contains("\n") || problem.line().contains("\r"), problem.line());
        assertTrue(problem.message().contains(reasonPart), problem.line());
        assertTrue(problem.line().length() < 400, "too long: " + problem.line());
        assertTrue(state.get(video.id()).failure().isPresent(), video.path() + " has no failure to retry");
        assertFalse(
                Files.exists(layout.mediaDir(video.id())),
                video.path() + " has media: " + tree(layout.mediaDir(video.id())));
    }

    private void assertNoStaging() {
        assertEquals(List.of(), tree(layout.stagingDir()), "left in staging");
    }

    private static List<String> tree(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(path -> !path.equals(dir))
                    .map(path -> dir.relativize(path).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir} with its modification time and file key (inode). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                var attributes = Files.readAttributes(path, BasicFileAttributes.class);
                files.put(dir.relativize(path).toString(), attributes.lastModifiedTime() + " " + attributes.fileKey());
            }
        }
        return files;
    }

    // ---- bad input ----

    @Test
    void badInputIsReportedOnOneLineWithoutLeftoversAndTheRestOfTheLibraryIsProcessed() throws IOException {
        MediaPipeline.Video good = small("good.mp4");
        MediaPipeline.Video oddName = small("odd/it's a \"quoted\" name – ünïcödé 日本.mp4");
        MediaPipeline.Video oneFrame = clip("one frame.mp4", TestClips.Spec.of(0.04, 160, 90));
        Path late = ffmpeg(
                library.resolve("late keyframes.mp4"),
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=160x90:rate=25:duration=6",
                "-c:v",
                capabilities.h264Encoder().orElse("libvpx"),
                "-pix_fmt",
                "yuv420p",
                "-g",
                "1000",
                "-force_key_frames",
                "0,4");
        MediaPipeline.Video lateKeyframes = video(library.relativize(late).toString());

        MediaPipeline.Video empty = written("empty.mp4", new byte[0]);
        Path whole = clips.clip(
                clipCache.resolve("truncate-me.mp4"),
                TestClips.Spec.of(3, 160, 90).withAudio());
        MediaPipeline.Video truncated = written("truncated.mp4", firstPart(whole, 0.4));
        Path faststart = ffmpeg(
                clipCache.resolve("faststart.mp4"), "-i", whole.toString(), "-c", "copy", "-movflags", "+faststart");
        MediaPipeline.Video truncatedFaststart = written("truncated faststart.mp4", firstPart(faststart, 0.4));
        MediaPipeline.Video random = written("random.mp4", randomBytes(50_000, 42));
        Path audio = clips.audioOnly(clipCache.resolve("audio.m4a"), 2);
        MediaPipeline.Video audioOnly = written("audio only.mp4", Files.readAllBytes(audio));
        MediaPipeline.Video deleted = small("deleted later.mp4");
        MediaPipeline.Video replaced = small("replaced later.mp4");

        List<MediaPipeline.Video> videos = List.of(
                good,
                oddName,
                oneFrame,
                lateKeyframes,
                empty,
                truncated,
                truncatedFaststart,
                random,
                audioOnly,
                deleted,
                replaced);
        BuildReport report = new BuildReport();
        MediaPipeline pipeline = pipeline(1);
        pipeline.probe(videos, new MediaProbe(installation.ffprobe()), report);
        Files.delete(deleted.file());
        Files.write(replaced.file(), randomBytes(30_000, 7));
        process(pipeline, videos, options(0), report);

        for (MediaPipeline.Video video : List.of(good, oddName, oneFrame, lateKeyframes)) {
            assertProcessed(video);
        }
        assertFailed(empty, "probe", report, "is empty (0 bytes)");
        assertFailed(truncated, "probe", report, "Invalid data found");
        assertFailed(random, "probe", report, "not a video ffprobe can read");
        assertFailed(audioOnly, "probe", report, "no video");
        assertFailed(deleted, "process", report, "No such file or directory");
        assertFailed(replaced, "process", report, "VTTs: ");
        // a faststart file cut short still has its index: whatever ffmpeg can decode is processed
        assertProcessed(truncatedFaststart);
        assertEquals(6, report.problems().size(), report.summaryLines(20).toString());
        assertNoStaging();
    }

    @Test
    void aFailedVideoIsRetriedOnTheNextBuild() throws IOException {
        MediaPipeline.Video good = small("good.mp4");
        MediaPipeline.Video flaky = small("flaky.mp4");
        byte[] content = Files.readAllBytes(flaky.file());
        MediaPipeline pipeline = pipeline(1);
        BuildReport first = new BuildReport();
        pipeline.probe(List.of(good, flaky), new MediaProbe(installation.ffprobe()), first);
        Files.write(flaky.file(), randomBytes(30_000, 1));
        assertEquals(2, process(pipeline, List.of(good, flaky), options(0), first));
        assertFailed(flaky, "process", first, "VTTs: ");

        Files.write(flaky.file(), content);
        BuildReport second = new BuildReport();
        assertEquals(1, build(List.of(good, flaky), options(0), second), "only the failed video is redone");
        assertEquals(List.of(), second.problems());
        assertProcessed(flaky);
        assertNoStaging();
    }

    @Test
    void aVideoThatFailedToProbeIsProbedAgainOnTheNextBuild() throws IOException {
        MediaPipeline.Video video = written("later.mp4", new byte[0]);
        BuildReport first = new BuildReport();
        assertEquals(0, build(List.of(video), options(0), first));
        assertFailed(video, "probe", first, "is empty");

        Files.copy(small("source.mp4").file(), video.file(), StandardCopyOption.REPLACE_EXISTING);
        BuildReport second = new BuildReport();
        assertEquals(1, build(List.of(video), options(0), second));
        assertEquals(List.of(), second.problems());
        assertProcessed(video);
    }

    /** A preview step that always fails, in place of the real one. */
    private static ProcessingStep failingPreview(String optionsKey) {
        return new ProcessingStep() {
            @Override
            public MediaKind kind() {
                return MediaKind.PREVIEW;
            }

            @Override
            public String outputFile(VideoJob job) {
                return "preview.mp4";
            }

            @Override
            public String optionsKey() {
                return optionsKey;
            }

            @Override
            public void run(VideoJob job, Path outDir) {
                throw new MediaException(job.file(), "the encoder gave up");
            }
        };
    }

    @Test
    void aStepFailingAfterOthersSucceededDeletesWhatThisRunMadeInTheLoggedShape() throws IOException {
        MediaPipeline.Video video = small("clip.mp4");
        ProcessingOptions options = options(0);
        List<ProcessingStep> steps =
                List.of(new ThumbnailStep(options), new SpriteSheetStep(options), failingPreview("broken"));
        BuildReport report = new BuildReport();
        MediaPipeline pipeline = pipeline(1);
        List<String> lines;
        try (LogCapture log = LogCapture.of(MediaPipeline.class)) {
            pipeline.probe(List.of(video), new MediaProbe(installation.ffprobe()), report);
            assertEquals(1, process(pipeline, List.of(video), steps, report));
            lines = log.lines().stream()
                    .filter(line -> !line.startsWith("[DEBUG]"))
                    .toList();
        }
        assertEquals(
                List.of(
                        "[INFO] --- Processing video: clip.mp4 ---",
                        "[INFO] Running video processor service...",
                        "[INFO] Thumbnail generated for 'clip.mp4'.",
                        "[INFO] VTTs generated for video 'clip.mp4'.",
                        "[ERROR] Failed to generate preview for 'clip.mp4'.",
                        "[INFO] Cancelling video processor service...",
                        "[INFO] Deleting generated thumbnails...",
                        "[INFO] Deleting generated VTTs...",
                        "[INFO] Video processor service finished.",
                        "[INFO] Video data added to database.",
                        "[SUCCESS] Video 'clip.mp4' successfully added to storage."),
                lines);
        assertEquals(List.of("[process] clip.mp4: Preview: the encoder gave up"), report.summaryLines(10));
        assertEquals(
                Optional.of("Preview: the encoder gave up"),
                state.get(video.id()).failure());
        assertFalse(
                Files.exists(layout.mediaDir(video.id())),
                tree(layout.mediaDir(video.id())).toString());
        assertNoStaging();
    }

    @Test
    void gpuWorkThatFailsIsRedoneOnTheCpuWhetherDecodingOrNvencFailed() throws IOException {
        assumeFalse(Files.exists(Path.of("/dev/nvidia0")), "needs a machine where CUDA and NVENC fail");
        MediaPipeline.Video decoded = small("decoded on the gpu.mp4");
        setUp();
        ffmpeg(
                library.resolve("old camera.avi"),
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=160x90:rate=10:duration=2",
                "-c:v",
                "mpeg4");
        MediaPipeline.Video proxied = video("old camera.avi");
        ProcessingOptions options = new ProcessingOptions(
                true, 1, 0, HwAccel.AUTO, true, 0, 160, 10, 10, 160, true, 4, 0.5, 160, WebProxyMode.ALWAYS);
        BuildReport report = new BuildReport();
        MediaPipeline pipeline = pipeline(1);
        List<String> warnings;
        try (LogCapture log = LogCapture.of(MediaPipeline.class)) {
            pipeline.probe(List.of(decoded, proxied), new MediaProbe(installation.ffprobe()), report);
            assertEquals(
                    1,
                    processWith(
                            new HardwareDecoding.Choice(List.of("-hwaccel", "cuda"), false, "CUDA"),
                            pipeline,
                            List.of(decoded),
                            options,
                            report));
            assertEquals(
                    1,
                    processWith(
                            new HardwareDecoding.Choice(List.of(), true, "NVENC"),
                            pipeline,
                            List.of(proxied),
                            options,
                            report));
            warnings = log.lines().stream()
                    .filter(line -> line.startsWith("[WARN]"))
                    .toList();
        }
        assertEquals(List.of(), report.problems());
        assertProcessed(decoded);
        assertProcessed(proxied);
        assertTrue(Files.isRegularFile(layout.mediaDir(proxied.id()).resolve("webproxy/proxy.mp4")));
        assertTrue(
                warnings.stream()
                        .anyMatch(line -> line.startsWith(
                                "[WARN] GPU processing failed for thumbnail of " + "'decoded on the gpu.mp4'")),
                warnings.toString());
        assertTrue(
                warnings.stream()
                        .anyMatch(line -> line.startsWith(
                                "[WARN] GPU processing failed for web-playable " + "copy of 'old camera.avi'")),
                warnings.toString());
        assertNoStaging();
    }

    @Test
    void aFailedRunKeepsTheOutputsOfEarlierBuilds() throws IOException {
        MediaPipeline.Video video = clip("long.mp4", TestClips.Spec.of(3, 160, 90));
        assertEquals(1, build(List.of(video), options(1), new BuildReport()));
        Map<String, String> before = snapshot(layout.mediaDir(video.id()));

        ProcessingOptions changed = options(2);
        List<ProcessingStep> steps =
                List.of(new ThumbnailStep(changed), new SpriteSheetStep(changed), failingPreview("changed"));
        BuildReport report = new BuildReport();
        assertEquals(1, process(pipeline(1), List.of(video), steps, report));
        assertEquals(1, report.problems().size());
        assertEquals(before, snapshot(layout.mediaDir(video.id())), "the earlier sprites and preview stay");
        assertTrue(state.get(video.id()).failure().isPresent());
        assertNoStaging();
    }

    // ---- nothing changed, one option changed, videos gone ----

    @Test
    void aSecondRunWithNothingChangedRunsNoFfmpegAndTouchesNoFile() throws IOException {
        List<MediaPipeline.Video> videos = List.of(small("a.mp4"), small("b/c.mp4"));
        assertEquals(2, build(videos, options(0), new BuildReport()));
        int runs = ffmpegRuns();
        assertTrue(runs > 0);
        Map<String, String> before = snapshot(layout.repoDir());
        int requests = toolRequests.get();

        BuildReport report = new BuildReport();
        assertEquals(0, build(videos, options(0), report));
        assertEquals(runs, ffmpegRuns(), "ffmpeg ran again");
        assertEquals(requests, toolRequests.get(), "tools were made again");
        assertEquals(before, snapshot(layout.repoDir()));
        assertEquals(List.of(), report.problems());
    }

    @Test
    void changingTheSpriteIntervalRemakesOnlyTheSprites() throws IOException {
        MediaPipeline.Video video = clip("long.mp4", TestClips.Spec.of(3, 160, 90));
        assertEquals(1, build(List.of(video), options(1), new BuildReport()));
        Path media = layout.mediaDir(video.id());
        Map<String, String> before = snapshot(media);
        String vtt = Files.readString(media.resolve("sprites/sprites.vtt"));
        Files.setLastModifiedTime(media.resolve("preview/preview.mp4"), FileTime.fromMillis(1_000_000));
        before.putAll(snapshot(media.resolve("preview")).entrySet().stream()
                .collect(Collectors.toMap(entry -> "preview/" + entry.getKey(), Map.Entry::getValue)));
        int runs = ffmpegRuns();

        assertEquals(1, build(List.of(video), options(2), new BuildReport()));
        Map<String, String> after = snapshot(media);
        assertNotEquals(vtt, Files.readString(media.resolve("sprites/sprites.vtt")));
        for (String file : List.of("preview/preview.mp4", "thumbnail/thumb.jpg", "chapters/chapters.vtt")) {
            if (before.containsKey(file)) {
                assertEquals(before.get(file), after.get(file), file + " was remade");
            }
        }
        assertEquals(FileTime.fromMillis(1_000_000), Files.getLastModifiedTime(media.resolve("preview/preview.mp4")));
        assertTrue(ffmpegRuns() - runs <= 2, "more than the sprites step ran: " + (ffmpegRuns() - runs));
        assertNoStaging();
    }

    @Test
    void anH264WithAc3AudioRecordsItsWebProxyAsTheFileBrowsersPlay() throws IOException {
        MediaPipeline.Video dolby =
                clip("dolby.mp4", TestClips.Spec.of(1, 160, 90).withAudio("ac3"));
        MediaPipeline.Video plain = small("plain.mp4");
        assertEquals(2, build(List.of(dolby, plain), options(0), new BuildReport()));

        StepOutput proxy = state.get(dolby.id()).steps().get(MediaKind.WEB_PROXY);
        assertEquals("proxy.mp4", proxy.file());
        String proxyPath = ".ova-repo/media/" + dolby.id() + "/webproxy/proxy.mp4";
        assertTrue(Files.isRegularFile(layout.root().resolve(proxyPath)));
        MediaPipeline reloaded =
                new MediaPipeline(layout, ProcessingState.load(layout.processingStateFile()), 1, Progress.SILENT);
        assertEquals(
                Optional.of(new PlayableFile(proxyPath, "video/mp4")),
                reloaded.generated(dolby.id(), dolby.path()).playable());
        assertEquals(
                Optional.of(new PlayableFile("plain.mp4", "video/mp4")),
                reloaded.generated(plain.id(), plain.path()).playable());
        assertEquals(
                Optional.empty(), reloaded.generated(plain.id(), plain.path()).webProxy());
    }

    /** The first of the ids 0000000000000000, 0000000000000001, ... that {@code wanted} accepts. */
    private static String firstId(Predicate<String> wanted) {
        return Stream.iterate(0L, i -> i + 1)
                .map(i -> String.format("%016x", i))
                .filter(wanted)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aShardCleansUpOnlyTheStagingOfItsOwnVideosWhileOtherShardsWork() throws IOException {
        setUp();
        Shard mine = new Shard(1, 2);
        String own = firstId(mine::contains);
        String others = firstId(id -> !mine.contains(id));
        Path ownStaging =
                Files.createDirectories(layout.stagingDir().resolve(own).resolve("preview"));
        Path othersStaging =
                Files.createDirectories(layout.stagingDir().resolve(others).resolve("preview"));

        pipeline(1).recoverFromInterruptedBuild(ProcessRecords.NONE, Optional.of(mine));
        assertFalse(Files.exists(ownStaging.getParent()), "what a killed run of this shard left");
        assertTrue(Files.exists(othersStaging), "another shard's video in the making");

        pipeline(1).recoverFromInterruptedBuild(ProcessRecords.NONE, Optional.empty());
        assertFalse(Files.exists(layout.stagingDir()), "a build holds the whole library: all of it goes");
    }

    @Test
    void removeGoneDeletesTheMediaAndStateOfRemovedVideos() throws IOException {
        MediaPipeline.Video kept = small("kept.mp4");
        MediaPipeline.Video removed = small("removed.mp4");
        assertEquals(2, build(List.of(kept, removed), options(0), new BuildReport()));
        Path stray = Files.createDirectories(layout.mediaDir("no-such-video").resolve("thumbnail"));

        pipeline(1).removeGone(Set.of(kept.id()));
        assertFalse(Files.exists(layout.mediaDir(removed.id())));
        assertFalse(Files.exists(stray.getParent()));
        assertEquals(VideoState.NEW, state.get(removed.id()));
        assertProcessed(kept);
        assertTrue(ProcessingState.load(layout.processingStateFile())
                .get(kept.id())
                .probe()
                .isPresent());
        assertEquals(
                VideoState.NEW,
                ProcessingState.load(layout.processingStateFile()).get(removed.id()));
    }

    // ---- parallel jobs and cancelling ----

    @Test
    void twoJobsAtOnceProcessEveryVideoAndKeepEachVideosLinesTogether() throws IOException {
        List<MediaPipeline.Video> videos = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            videos.add(small("clip " + i + ".mp4"));
        }
        videos.add(written("broken.mp4", randomBytes(10_000, 3)));
        MediaPipeline.Video vanished = small("vanished.mp4");
        videos.add(vanished);
        BuildReport report = new BuildReport();
        List<String> lines;
        try (LogCapture log = LogCapture.of(MediaPipeline.class)) {
            ProcessingOptions parallel = options(0);
            MediaPipeline pipeline = pipeline(2);
            pipeline.probe(videos, new MediaProbe(installation.ffprobe()), report);
            Files.delete(vanished.file());
            assertEquals(5, process(pipeline, videos, parallel, report));
            lines = log.lines();
        }
        videos.stream().filter(video -> video.path().startsWith("clip ")).forEach(this::assertProcessed);
        assertEquals(2, report.problems().size(), report.problems().toString());
        for (MediaPipeline.Video video : videos) {
            String quoted = "'" + video.path() + "'";
            int header = lines.indexOf("[INFO] --- Processing video: " + video.path() + " ---");
            assertTrue(header >= 0, video.path() + " has no header in " + lines);
            int end = header + 1;
            while (end < lines.size() && !lines.get(end).startsWith("[SUCCESS] Video " + quoted)) {
                assertFalse(
                        lines.get(end).contains("--- Processing video: "),
                        video.path() + "'s lines are not together: " + lines);
                end++;
            }
            assertTrue(end < lines.size(), video.path() + " has no success line: " + lines);
            List<String> block = lines.subList(header, end + 1);
            assertEquals(
                    lines.stream().filter(line -> line.contains(quoted)).toList(),
                    block.stream().filter(line -> line.contains(quoted)).toList(),
                    video.path() + " has lines outside its block");
        }
        assertNoStaging();
    }

    @Test
    void cancellingDuringAJobKillsFfmpegAndLeavesNoStaging() throws Exception {
        MediaPipeline.Video video = clip("long.mp4", TestClips.Spec.of(60, 320, 180));
        MediaPipeline pipeline = pipeline(1);
        BuildReport report = new BuildReport();
        pipeline.probe(List.of(video), new MediaProbe(installation.ffprobe()), report);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread build = new Thread(() -> {
            try {
                process(pipeline, List.of(video), options(0.5), report);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        build.start();
        Path staging = layout.stagingDir().resolve(video.id());
        ProcessHandle running = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (running == null && build.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(staging)) {
                running = ProcessHandle.current()
                        .descendants()
                        .filter(process -> process.info()
                                .commandLine()
                                .orElse("")
                                .contains(video.file().toString()))
                        .filter(ProcessHandle::isAlive)
                        .findFirst()
                        .orElse(null);
            }
            Thread.sleep(2);
        }
        assertTrue(running != null, "ffmpeg was never seen running on " + video.file());

        pipeline.cancel();
        build.join(Duration.ofSeconds(15).toMillis());
        assertFalse(build.isAlive(), "processing did not stop");
        assertFalse(running.isAlive(), "ffmpeg still runs");
        assertEquals(
                List.of(),
                ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .map(process -> process.info().commandLine().orElse("?"))
                        .toList());
        assertNoStaging();
        assertFalse(
                Files.exists(layout.mediaDir(video.id())),
                tree(layout.mediaDir(video.id())).toString());
        assertEquals(Map.of(), state.get(video.id()).steps());
        assertTrue(thrown.get() == null || thrown.get() instanceof MediaException, String.valueOf(thrown.get()));
    }
}
