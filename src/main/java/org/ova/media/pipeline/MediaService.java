package org.ova.media.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.media.MediaProbe;
import org.ova.media.ffmpeg.CapabilitiesCache;
import org.ova.media.ffmpeg.CommandRunner;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegException;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.media.ffmpeg.ProcessRecords;
import org.ova.media.steps.StandardSteps;
import org.ova.repo.BuildPhase;
import org.ova.repo.BuildReport;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.repo.MediaFacts;
import org.ova.repo.Shard;
import org.ova.repo.ShardLock;
import org.ova.repo.VideoClaims;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.scan.IndexedVideo;

/**
 * The media half of a build, as one service a command or a server can drive: which videos are
 * processed ({@code processing.batch}, {@code --only}), ffmpeg's capabilities (cached), the hardware
 * choice, and probing and processing through the {@link MediaPipeline} with Ctrl-C stopping ffmpeg
 * cleanly. Without a usable ffmpeg the library is still listed, with placeholders.
 */
public final class MediaService {

    private static final Logger LOG = LogManager.getLogger(MediaService.class);
    /** Longest one ffmpeg command may run (a web proxy of a long film) before it is stopped. */
    private static final Duration COMMAND_LIMIT = Duration.ofHours(6);

    private final LibraryLayout layout;
    private final OvaConfig config;
    private final Optional<FfmpegInstallation> ffmpeg;
    /** Why nothing can be processed: no usable ffmpeg was found; empty when one was. */
    private final Optional<String> noFfmpeg;

    private final Set<String> only;
    private final Optional<Shard> shard;
    private final List<Shard> mergedShards;
    private final MediaPipeline pipeline;
    private final ProcessRecords processes;
    /** Videos processed at once. */
    private final int parallel;
    /** ffmpeg -threads per job. */
    private final int threads;
    /** The tools with the hardware chosen, once a video was processed alone (the server's jobs). */
    private MediaTools aloneTools;

    private MediaService(
            LibraryLayout layout,
            OvaConfig config,
            Set<String> only,
            Optional<Shard> shard,
            Optional<FfmpegInstallation> ffmpeg,
            Optional<String> noFfmpeg,
            Progress progress) {
        this.layout = layout;
        this.config = config;
        this.only = Set.copyOf(only);
        this.shard = shard;
        this.ffmpeg = ffmpeg;
        this.noFfmpeg = noFfmpeg;
        int cores = Runtime.getRuntime().availableProcessors();
        this.parallel = config.processing().effectiveParallel(cores);
        this.threads = config.processing().effectiveThreads(cores, parallel);
        ProcessingState state = shard.map(part -> ProcessingState.loadShard(layout.processingStateFile(), part))
                .orElseGet(() -> ProcessingState.load(layout.processingStateFile()));
        this.mergedShards = state.mergedShards();
        if (shard.isEmpty()) {
            // every shard's work is in the library's state now: what the claims said is known there
            VideoClaims.clear(layout);
        }
        this.pipeline = new MediaPipeline(layout, state, parallel, progress);
        this.processes = new ProcessRecords(layout.machineDir().resolve("ffmpeg-processes"));
        pipeline.recoverFromInterruptedBuild(processes, shard);
    }

    /**
     * Finds ffmpeg and prepares the media work of one command.
     *
     * @param only     when not empty, only these videos are probed and processed (paths relative to
     *                 the library); when empty, all of them, unless processing.batch is false
     * @param shard    when present, the caller holds this shard's lock and gives only its videos: their
     *                 state is kept in the shard's own file ({@link ProcessingState#loadShard}) and only
     *                 their staging is cleaned up. When empty, the caller holds the whole library's lock,
     *                 and the states shards left are folded in
     * @param ffmpeg   finds ffmpeg as configured
     * @param progress shows the count, rate and ETA ({@link TerminalProgress} on a terminal)
     * @param report   gets the problem when no usable ffmpeg is found
     */
    public static MediaService open(
            LibraryLayout layout,
            OvaConfig config,
            Set<String> only,
            Optional<Shard> shard,
            Supplier<FfmpegInstallation> ffmpeg,
            Progress progress,
            BuildReport report) {
        Optional<FfmpegInstallation> found;
        Optional<String> noFfmpeg = Optional.empty();
        try {
            found = Optional.of(ffmpeg.get());
            LOG.debug("Using {}", found.get().why());
        } catch (FfmpegException e) {
            report.problem(
                    BuildPhase.PROCESS, "", e.getMessage() + " (videos are listed without thumbnails and previews)");
            found = Optional.empty();
            noFfmpeg = Optional.of(e.getMessage());
        }
        if (!config.processing().batch() && only.isEmpty()) {
            LOG.info("processing.batch is false: videos are processed only when named with --only PATH.");
        }
        return new MediaService(layout, config, only, shard, found, noFfmpeg, progress);
    }

    private boolean selected(String path) {
        return only.isEmpty() ? config.processing().batch() : only.contains(path);
    }

    private MediaPipeline.Video video(LibraryVideo video) {
        return new MediaPipeline.Video(video.id(), video.path(), layout.root().resolve(video.path()));
    }

    /** Probes the selected videos that were not probed yet. */
    public void probe(List<IndexedVideo> videos, BuildReport report) {
        ffmpeg.ifPresent(found -> whileCancellable(() -> pipeline.probe(
                videos.stream()
                        .filter(video -> selected(video.path()))
                        .map(MediaPipeline.Video::of)
                        .toList(),
                new MediaProbe(found.ffprobe()),
                report)));
    }

    /** What probing found about a video, once it was probed. */
    public Optional<MediaFacts> facts(IndexedVideo video) {
        return pipeline.facts(MediaPipeline.Video.of(video));
    }

    /** Brings the generated media of the selected videos up to date. */
    public void process(List<LibraryVideo> videos, BuildReport report) {
        processSelected(
                videos,
                report,
                (chosen, metadata, steps, tools) -> pipeline.process(
                        chosen, metadata::get, steps, tools, sample -> hardware(tools, sample), report));
    }

    /**
     * Brings the generated media of this shard's selected videos up to date, then, while other shards of
     * its count still run, makes those of their videos they have not started, from the end of their lists
     * ({@link ShardQueue}), so that the shards end together.
     *
     * @param library every video the scan found: the other shards' videos come from it
     */
    public void processShard(List<LibraryVideo> videos, List<IndexedVideo> library, BuildReport report) {
        Shard mine = shard.orElseThrow(() -> new IllegalStateException("not a shard's media service"));
        processSelected(videos, report, (chosen, metadata, steps, tools) -> {
            List<MediaPipeline.Video> own = pipeline.pending(chosen, metadata::get, steps, tools);
            ShardQueue queue = new ShardQueue(
                    mine,
                    own,
                    VideoClaims.of(layout),
                    other -> ShardLock.runsElsewhere(layout, other),
                    new HelpCandidates(layout, pipeline, this::selected, library, metadata, steps, tools)::of,
                    processes::stopLeftovers);
            return pipeline.process(
                    queue,
                    own.size(),
                    metadata::get,
                    steps,
                    tools,
                    sample -> hardware(tools, sample),
                    new MediaProbe(ffmpeg.orElseThrow().ffprobe()),
                    report);
        });
    }

    /** How {@link #processSelected} runs the selected videos; returns how many had work. */
    @FunctionalInterface
    private interface Batch {
        /** @param metadata the metadata by video id, which the steps read (a shard adds other shards' videos) */
        int run(
                List<MediaPipeline.Video> chosen,
                Map<String, VideoMetadata> metadata,
                List<ProcessingStep> steps,
                MediaTools tools);
    }

    /**
     * Runs {@code batch} on the selected videos of {@code videos}, with ffmpeg decoding on the CPU and the
     * standard steps, Ctrl-C stopping it; nothing without a usable ffmpeg (said when the service opened).
     */
    private void processSelected(List<LibraryVideo> videos, BuildReport report, Batch batch) {
        if (ffmpeg.isEmpty()) {
            return;
        }
        Optional<MediaTools> cpu = cpuTools(report);
        if (cpu.isEmpty()) {
            return;
        }
        MediaTools tools = cpu.get();
        Map<String, VideoMetadata> metadata = new ConcurrentHashMap<>();
        videos.forEach(video -> metadata.put(video.id(), video.metadata()));
        List<ProcessingStep> steps = steps(tools, metadata::get);
        List<MediaPipeline.Video> chosen = videos.stream()
                .filter(video -> selected(video.path()))
                .map(this::video)
                .toList();
        whileCancellable(() -> {
            if (batch.run(chosen, metadata, steps, tools) == 0) {
                LOG.info("Generated media is up to date.");
            }
        });
    }

    /**
     * ffmpeg with what it can do, decoding on the CPU; empty (the reason in {@code report}) without a
     * usable ffmpeg.
     */
    private Optional<MediaTools> cpuTools(BuildReport report) {
        if (ffmpeg.isEmpty()) {
            report.problem(BuildPhase.PROCESS, "", noFfmpeg.orElse("no ffmpeg"));
            return Optional.empty();
        }
        FfmpegInstallation found = ffmpeg.get();
        FfmpegCapabilities capabilities = CapabilitiesCache.of(layout).capabilitiesOf(found.ffmpeg());
        if (capabilities.tooOld()) {
            report.problem(
                    BuildPhase.PROCESS,
                    "",
                    "ffmpeg " + capabilities.version() + " (" + found.ffmpeg()
                            + ") is older than " + FfmpegCapabilities.MINIMUM_VERSION
                            + ", the oldest ova works with: point ffmpeg.path in .ova-repo/config.yaml at a newer"
                            + " ffmpeg, or remove it to use the bundled build (videos are listed without thumbnails"
                            + " and previews)");
            return Optional.empty();
        }
        FfmpegRunner runner = new FfmpegRunner(found.ffmpeg(), new CommandRunner(COMMAND_LIMIT, processes));
        return Optional.of(new MediaTools(runner, capabilities, List.of(), false, threads));
    }

    private HardwareDecoding.Choice hardware(MediaTools tools, Path sample) {
        HardwareDecoding.Choice choice =
                HardwareDecoding.choose(config.processing().hwaccel(), tools, Optional.of(sample));
        LOG.info(choice.reason());
        return choice;
    }

    /** The shards whose states were folded into the library's when this service opened. */
    public List<Shard> mergedShards() {
        return mergedShards;
    }

    /** How many videos are processed at once ({@code processing.parallel}, worked out for this machine). */
    public int parallel() {
        return parallel;
    }

    /**
     * The videos {@code ova build} would probe or process now, of those given: the selected ones not
     * probed yet or with a step out of date. None without a usable ffmpeg.
     */
    public List<LibraryVideo> withWork(List<LibraryVideo> videos) {
        Optional<MediaTools> tools = cpuTools(new BuildReport());
        if (tools.isEmpty()) {
            return List.of();
        }
        return videos.stream()
                .filter(video -> selected(video.path()))
                .filter(video ->
                        pipeline.hasWork(video(video), video.metadata(), steps(tools.get(), video), tools.get()))
                .toList();
    }

    /**
     * Probes {@code video} when it was not probed yet and runs its out-of-date steps now, on the calling
     * thread, as a build does (same steps, transaction, threads, hardware with CPU fallback); the
     * listener hears each line and step as it happens, and the video's block is printed when it is done.
     * Safe to call for several videos at once.
     *
     * @throws org.ova.media.MediaException when the thread is interrupted: ffmpeg is stopped and what it
     *     made removed
     */
    public ProcessedVideo process(LibraryVideo video, ProcessingListener listener) {
        return processAlone(video, listener, Set.of(), tools -> steps(tools, video));
    }

    /**
     * Makes a video's scrub sprites with their WebVTT and its chapters track again (what was recorded
     * for them is forgotten first), as {@link #process(LibraryVideo, ProcessingListener)} runs steps.
     */
    public ProcessedVideo remakeVtts(LibraryVideo video, ProcessingListener listener) {
        return processAlone(
                video,
                listener,
                Set.of(MediaKind.SPRITES, MediaKind.CHAPTERS),
                tools -> StandardSteps.vtts(
                        config.processing(), job -> video.metadata().chapters()));
    }

    private List<ProcessingStep> steps(MediaTools tools, LibraryVideo video) {
        return steps(tools, id -> video.metadata());
    }

    /** The standard steps, the chapter track made from {@code metadata}'s chapters of each video by id. */
    private List<ProcessingStep> steps(MediaTools tools, Function<String, VideoMetadata> metadata) {
        return StandardSteps.of(
                config.processing(),
                tools.capabilities(),
                job -> metadata.apply(job.id()).chapters());
    }

    /** @param remade the kinds of media made again whatever was recorded (forgotten once ffmpeg is known to work) */
    private ProcessedVideo processAlone(
            LibraryVideo video,
            ProcessingListener listener,
            Set<MediaKind> remade,
            Function<MediaTools, List<ProcessingStep>> steps) {
        MediaPipeline.Video file = video(video);
        BuildReport report = new BuildReport();
        Optional<MediaTools> tools = chosenTools(file.file(), report);
        if (tools.isEmpty()) {
            String reason = report.problems().get(0).message();
            listener.line("[ERROR] " + reason);
            return new ProcessedVideo(video.id(), pipeline.facts(file), generated(video), Optional.of(reason));
        }
        pipeline.forget(video.id(), remade);
        VideoState after = pipeline.processOne(
                file,
                new MediaProbe(ffmpeg.orElseThrow().ffprobe()),
                video.metadata(),
                steps.apply(tools.get()),
                tools.get(),
                listener,
                report);
        return new ProcessedVideo(video.id(), pipeline.facts(file), generated(video), after.failure());
    }

    /** The tools with the hardware chosen on the first video processed alone; empty without ffmpeg. */
    private synchronized Optional<MediaTools> chosenTools(Path sample, BuildReport report) {
        if (aloneTools == null) {
            Optional<MediaTools> cpu = cpuTools(report);
            if (cpu.isEmpty()) {
                return Optional.empty();
            }
            aloneTools = cpu.get().with(hardware(cpu.get(), sample));
        }
        return Optional.of(aloneTools);
    }

    /** Writes the processing state down (a server that stops). */
    public void save() {
        pipeline.save();
    }

    /** What was made for a video and which file browsers play, after {@link #process}. */
    public GeneratedMedia generated(LibraryVideo video) {
        return pipeline.generated(video.id(), video.path());
    }

    /** Deletes the media and state of videos no longer in the library. */
    public void removeGone(Set<String> liveIds) {
        pipeline.removeGone(liveIds);
    }

    /** Runs {@code work} with Ctrl-C stopping the pipeline (ffmpeg killed, staging removed) first. */
    private void whileCancellable(Runnable work) {
        Thread hook = new Thread(pipeline::cancel, "ova-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            work.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it finishes the cancellation
            }
        }
    }
}
