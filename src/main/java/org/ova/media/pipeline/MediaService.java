package org.ova.media.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
    private final Set<String> only;
    private final MediaPipeline pipeline;
    private final ProcessRecords processes;
    /** ffmpeg -threads per job. */
    private final int threads;

    private MediaService(
            LibraryLayout layout,
            OvaConfig config,
            Set<String> only,
            Optional<FfmpegInstallation> ffmpeg,
            Progress progress) {
        this.layout = layout;
        this.config = config;
        this.only = Set.copyOf(only);
        this.ffmpeg = ffmpeg;
        int cores = Runtime.getRuntime().availableProcessors();
        int parallel = config.processing().effectiveParallel(cores);
        this.threads = config.processing().effectiveThreads(cores, parallel);
        this.pipeline =
                new MediaPipeline(layout, ProcessingState.load(layout.processingStateFile()), parallel, progress);
        this.processes = new ProcessRecords(layout.machineDir().resolve("ffmpeg-processes"));
        pipeline.recoverFromInterruptedBuild(processes);
    }

    /**
     * Finds ffmpeg and prepares the media work of one command.
     *
     * @param only     when not empty, only these videos are probed and processed (paths relative to
     *                 the library); when empty, all of them, unless processing.batch is false
     * @param ffmpeg   finds ffmpeg as configured
     * @param progress shows the count, rate and ETA ({@link TerminalProgress} on a terminal)
     * @param report   gets the problem when no usable ffmpeg is found
     */
    public static MediaService open(
            LibraryLayout layout,
            OvaConfig config,
            Set<String> only,
            Supplier<FfmpegInstallation> ffmpeg,
            Progress progress,
            BuildReport report) {
        Optional<FfmpegInstallation> found;
        try {
            found = Optional.of(ffmpeg.get());
            LOG.debug("Using {}", found.get().why());
        } catch (FfmpegException e) {
            report.problem(
                    BuildPhase.PROCESS, "", e.getMessage() + " (videos are listed without thumbnails and previews)");
            found = Optional.empty();
        }
        if (!config.processing().batch() && only.isEmpty()) {
            LOG.info("processing.batch is false: videos are processed only when named with --only PATH.");
        }
        return new MediaService(layout, config, only, found, progress);
    }

    private boolean selected(String path) {
        return only.isEmpty() ? config.processing().batch() : only.contains(path);
    }

    private static MediaPipeline.Video video(IndexedVideo video) {
        return new MediaPipeline.Video(video.id(), video.path(), video.file());
    }

    /** Probes the selected videos that were not probed yet. */
    public void probe(List<IndexedVideo> videos, BuildReport report) {
        ffmpeg.ifPresent(found -> whileCancellable(() -> pipeline.probe(
                videos.stream()
                        .filter(video -> selected(video.path()))
                        .map(MediaService::video)
                        .toList(),
                new MediaProbe(found.ffprobe()),
                report)));
    }

    /** What probing found about a video, once it was probed. */
    public Optional<MediaFacts> facts(IndexedVideo video) {
        return pipeline.facts(video(video));
    }

    /** Brings the generated media of the selected videos up to date. */
    public void process(List<LibraryVideo> videos, BuildReport report) {
        if (ffmpeg.isEmpty()) {
            return;
        }
        Map<String, VideoMetadata> metadata =
                videos.stream().collect(Collectors.toMap(LibraryVideo::id, LibraryVideo::metadata));
        List<MediaPipeline.Video> chosen = videos.stream()
                .filter(video -> selected(video.path()))
                .map(video -> new MediaPipeline.Video(
                        video.id(), video.path(), layout.root().resolve(video.path())))
                .toList();
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
            return;
        }
        FfmpegRunner runner = new FfmpegRunner(found.ffmpeg(), new CommandRunner(COMMAND_LIMIT, processes));
        MediaTools tools = new MediaTools(runner, capabilities, List.of(), false, threads);
        Function<Path, HardwareDecoding.Choice> hardware = sample -> {
            HardwareDecoding.Choice choice =
                    HardwareDecoding.choose(config.processing().hwaccel(), tools, Optional.of(sample));
            LOG.info(choice.reason());
            return choice;
        };
        whileCancellable(() -> {
            int processed = pipeline.process(
                    chosen,
                    metadata::get,
                    StandardSteps.of(
                            config.processing(),
                            capabilities,
                            job -> metadata.get(job.id()).chapters()),
                    tools,
                    hardware,
                    report);
            if (processed == 0) {
                LOG.info("Generated media is up to date.");
            }
        });
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
