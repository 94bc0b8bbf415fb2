package org.ova.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.media.MediaProbe;
import org.ova.media.ffmpeg.CapabilitiesCache;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegCapabilitiesReader;
import org.ova.media.ffmpeg.FfmpegException;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.media.pipeline.HardwareDecoding;
import org.ova.media.pipeline.MediaPipeline;
import org.ova.media.pipeline.MediaTools;
import org.ova.media.pipeline.ProcessingState;
import org.ova.media.pipeline.Progress;
import org.ova.media.pipeline.TerminalProgress;
import org.ova.media.steps.StandardSteps;
import org.ova.repo.BuildReport;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.repo.MediaFacts;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.scan.IndexedVideo;

/**
 * Wires the media half of {@code ova build}: finds ffmpeg, then probes and processes through the
 * {@link MediaPipeline}, with a progress bar on terminals and Ctrl-C stopping ffmpeg cleanly.
 * Without a usable ffmpeg the build still lists every video, with placeholders.
 */
final class MediaPhase {

    private static final Logger LOG = LogManager.getLogger(MediaPhase.class);
    /** Longest one ffmpeg command may run (a web proxy of a long film) before it is stopped. */
    private static final Duration COMMAND_LIMIT = Duration.ofHours(6);

    private final LibraryLayout layout;
    private final OvaConfig config;
    private final Optional<FfmpegInstallation> ffmpeg;
    private final Set<String> only;
    private final MediaPipeline pipeline;
    /** ffmpeg -threads per job. */
    private final int threads;

    private MediaPhase(LibraryLayout layout, OvaConfig config, Set<String> only, Optional<FfmpegInstallation> ffmpeg,
                       Progress progress) {
        this.layout = layout;
        this.config = config;
        this.only = Set.copyOf(only);
        this.ffmpeg = ffmpeg;
        int cores = Runtime.getRuntime().availableProcessors();
        int parallel = config.processing().effectiveParallel(cores);
        this.threads = config.processing().effectiveThreads(cores, parallel);
        this.pipeline = new MediaPipeline(layout, ProcessingState.load(layout.processingStateFile()), parallel,
                progress);
    }

    /**
     * @param only when not empty, only these videos are probed and processed (paths relative to the
     *             library); when empty, all of them, unless processing.batch is false
     */
    static MediaPhase open(LibraryLayout layout, OvaConfig config, Set<String> only, Console console,
                           BuildReport report) {
        Optional<FfmpegInstallation> ffmpeg;
        try {
            ffmpeg = Optional.of(LibraryOpener.locateFfmpeg(layout, config));
            LOG.debug("Using {}", ffmpeg.get().why());
        } catch (FfmpegException e) {
            report.problem("process", "", e.getMessage() + " (videos are listed without thumbnails and previews)");
            ffmpeg = Optional.empty();
        }
        boolean terminal = System.console() != null && console.verbosity() == Verbosity.NORMAL;
        if (!config.processing().batch() && only.isEmpty()) {
            LOG.info("processing.batch is false: videos are processed only when named with --only PATH.");
        }
        return new MediaPhase(layout, config, only, ffmpeg,
                terminal ? new TerminalProgress(System.err) : Progress.SILENT);
    }

    private boolean selected(String path) {
        return only.isEmpty() ? config.processing().batch() : only.contains(path);
    }

    static MediaPipeline.Video video(IndexedVideo video) {
        return new MediaPipeline.Video(video.id(), video.path(), video.file());
    }

    void probe(List<IndexedVideo> videos, BuildReport report) {
        ffmpeg.ifPresent(found -> whileCancellable(() ->
                pipeline.probe(videos.stream().filter(video -> selected(video.path())).map(MediaPhase::video).toList(),
                        new MediaProbe(found.ffprobe()), report)));
    }

    Optional<MediaFacts> facts(IndexedVideo video) {
        return pipeline.facts(video(video));
    }

    void process(List<LibraryVideo> videos, BuildReport report) {
        if (ffmpeg.isEmpty()) {
            return;
        }
        Map<String, VideoMetadata> metadata = videos.stream()
                .collect(Collectors.toMap(LibraryVideo::id, LibraryVideo::metadata));
        List<MediaPipeline.Video> chosen = videos.stream()
                .filter(video -> selected(video.path()))
                .map(video -> new MediaPipeline.Video(video.id(), video.path(), layout.root().resolve(video.path())))
                .toList();
        FfmpegInstallation found = ffmpeg.get();
        FfmpegCapabilities capabilities = new CapabilitiesCache(layout.ffmpegCapabilitiesFile(),
                new FfmpegCapabilitiesReader()).capabilitiesOf(found.ffmpeg());
        FfmpegRunner runner = new FfmpegRunner(found.ffmpeg(), COMMAND_LIMIT);
        MediaTools tools = new MediaTools(runner, capabilities, List.of(), false, threads);
        Function<Path, HardwareDecoding.Choice> hardware = sample -> {
            HardwareDecoding.Choice choice = HardwareDecoding.choose(config.processing().hwaccel(), tools,
                    Optional.of(sample));
            LOG.info(choice.reason());
            return choice;
        };
        whileCancellable(() -> {
            int processed = pipeline.process(chosen, metadata::get,
                    StandardSteps.of(config.processing(), capabilities, job -> metadata.get(job.id()).chapters()),
                    tools, hardware, report);
            if (processed == 0) {
                LOG.info("Generated media is up to date.");
            }
        });
    }

    GeneratedMedia generated(String id) {
        return pipeline.generated(id);
    }

    void removeGone(Set<String> liveIds) {
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
