package org.ova.media.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.ova.media.MediaException;
import org.ova.media.PreviewPlan;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.pipeline.MediaKind;
import org.ova.media.pipeline.ProcessingStep;
import org.ova.media.pipeline.VideoJob;
import org.ova.repo.config.ProcessingOptions;

/**
 * Makes the silent hover preview: short segments spread over the video ({@link PreviewPlan}),
 * joined in one ffmpeg run that seeks each segment's input directly (fast input seeking), scales it
 * to {@code previewWidth} (never up), keeps one eye of stereo videos and caps the rate at 30 fps.
 * The result is {@code preview.mp4} (H.264, faststart) or, when ffmpeg has no H.264 encoder,
 * {@code preview.webm} (VP9, else VP8).
 */
public final class PreviewClipStep implements ProcessingStep {

    /** Raise when the way previews are made changes, so existing previews are made again. */
    static final int METHOD_VERSION = 1;

    private static final double MAX_FRAME_RATE = 30;
    private static final int X264_QUALITY = 28;
    /** libopenh264 / libvpx rate per pixel of width: 320 px → 400 kbit/s. */
    private static final long BITS_PER_WIDTH_PIXEL = 1250;

    private final boolean enabled;
    private final int segments;
    private final double segmentSeconds;
    private final int width;
    private final Optional<String> encoder;
    private final boolean webm;

    public PreviewClipStep(ProcessingOptions options, FfmpegCapabilities capabilities) {
        this.enabled = options.preview();
        this.segments = options.previewSegments();
        this.segmentSeconds = options.previewSegmentSeconds();
        this.width = options.previewWidth();
        Optional<String> h264 = capabilities.h264Encoder();
        this.webm = h264.isEmpty();
        this.encoder = h264.or(() -> Stream.of("libvpx-vp9", "libvpx")
                .filter(capabilities::hasEncoder)
                .findFirst());
    }

    @Override
    public MediaKind kind() {
        return MediaKind.PREVIEW;
    }

    @Override
    public String outputFile(VideoJob job) {
        return fileName();
    }

    @Override
    public String optionsKey() {
        return String.format(
                Locale.ROOT,
                "segments=%d seconds=%s width=%d encoder=%s method=%d",
                segments,
                segmentSeconds,
                width,
                encoder.orElse("none"),
                METHOD_VERSION);
    }

    /** Whether {@code processing.preview} is on. */
    @Override
    public boolean appliesTo(VideoJob job) {
        return enabled;
    }

    /** {@code preview.mp4}, or {@code preview.webm} with an ffmpeg that has no H.264 encoder. */
    public String fileName() {
        return webm ? "preview.webm" : "preview.mp4";
    }

    @Override
    public void run(VideoJob job, Path outDir) {
        job.tools().ffmpeg().run(job.file(), "preview", arguments(job, outDir.resolve(fileName())));
    }

    List<String> arguments(VideoJob job, Path out) {
        String codec = encoder.orElseThrow(() -> new MediaException(
                job.file(),
                "cannot make a preview of "
                        + job.relativePath() + ": ffmpeg "
                        + job.tools().ffmpeg().executable()
                        + " has no H.264, VP9 or VP8 encoder; install an ffmpeg with libx264 or set ffmpeg.path"));
        PreviewPlan plan = PreviewPlan.of(job.probe().durationSeconds(), segments, segmentSeconds);
        List<String> arguments = new ArrayList<>();
        for (PreviewPlan.Segment segment : plan.segments()) {
            arguments.addAll(
                    plan.wholeClip()
                            ? job.tools().input(job.file())
                            : job.tools()
                                    .input(
                                            job.file(),
                                            "-ss",
                                            seconds(segment.start()),
                                            "-t",
                                            seconds(segment.length())));
        }
        arguments.addAll(List.of(
                "-filter_complex",
                filterGraph(job, plan),
                "-map",
                "[v]",
                "-an",
                "-sn",
                "-dn",
                "-map_metadata",
                "-1",
                "-map_chapters",
                "-1"));
        long bitRate = width * BITS_PER_WIDTH_PIXEL;
        arguments.addAll(webm ? VideoEncoders.vpx(codec, bitRate) : VideoEncoders.h264(codec, X264_QUALITY, bitRate));
        arguments.addAll(List.of("-pix_fmt", "yuv420p"));
        arguments.addAll(job.tools().threadArguments());
        if (!webm) {
            arguments.addAll(List.of("-movflags", "+faststart"));
        }
        arguments.add(out.toString());
        return arguments;
    }

    /**
     * Each input cropped to one eye, scaled and normalised, then all joined:
     * {@code [v0][v1]concat=n=2:v=1:a=0,trim=duration=1.500[v]}. A segment cut by {@code -t} may keep
     * one frame more than its length (frames rarely line up with the cut), so the joined clip is
     * trimmed to the planned total.
     */
    String filterGraph(VideoJob job, PreviewPlan plan) {
        int inputs = plan.segments().size();
        List<String> chain = new ArrayList<>();
        ShownPicture.of(job.probe(), job.vr()).cropFilter().ifPresent(chain::add);
        if (job.probe().frameRate() > MAX_FRAME_RATE + 0.5) {
            chain.add("fps=" + (int) MAX_FRAME_RATE);
        }
        chain.add("scale=w='trunc(min(" + width + ",iw)/2)*2':h=-2");
        chain.add("setsar=1");
        chain.add("format=yuv420p");
        String filters = String.join(",", chain);
        StringBuilder graph = new StringBuilder();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < inputs; i++) {
            graph.append('[')
                    .append(i)
                    .append(":V:0]")
                    .append(filters)
                    .append("[v")
                    .append(i)
                    .append("];");
            joined.append("[v").append(i).append(']');
        }
        graph.append(joined).append("concat=n=").append(inputs).append(":v=1:a=0");
        if (!plan.wholeClip()) {
            graph.append(",trim=duration=").append(seconds(plan.totalSeconds()));
        }
        return graph.append("[v]").toString();
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
