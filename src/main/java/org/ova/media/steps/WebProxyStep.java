package org.ova.media.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ova.media.BrowserContainer;
import org.ova.media.MediaException;
import org.ova.media.ProbeResult;
import org.ova.media.WebCompatibility;
import org.ova.media.WebCompatibility.Verdict;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.pipeline.MediaKind;
import org.ova.media.pipeline.MediaTools;
import org.ova.media.pipeline.ProcessingStep;
import org.ova.media.pipeline.VideoJob;
import org.ova.repo.config.WebProxyMode;

/**
 * Makes a browser-playable copy of a video that browsers cannot play as it is
 * ({@link WebCompatibility}): a stream copy into MP4 (or WebM for VP8/VP9) when only the container or
 * the audio is the problem, an H.264 + AAC MP4 when the video codec is. {@code processing.webProxy}
 * decides which it may do: {@code auto} only copies, {@code always} also re-encodes.
 * The copy is {@code proxy.mp4} or {@code proxy.webm} ({@link #fileName}).
 */
public final class WebProxyStep implements ProcessingStep {

    /** Raise when the way proxies are made changes, so existing proxies are made again. */
    static final int METHOD_VERSION = 1;

    private static final int H264_QUALITY = 23;
    /** libopenh264 bits per pixel per frame, bounded below and above. */
    private static final double BITS_PER_PIXEL = 0.1;

    private static final long MIN_BIT_RATE = 500_000;
    private static final long MAX_BIT_RATE = 20_000_000;

    private final WebProxyMode mode;
    private final FfmpegCapabilities capabilities;

    public WebProxyStep(WebProxyMode mode, FfmpegCapabilities capabilities) {
        this.mode = mode;
        this.capabilities = capabilities;
    }

    @Override
    public MediaKind kind() {
        return MediaKind.WEB_PROXY;
    }

    @Override
    public String outputFile(VideoJob job) {
        return fileName(job.probe());
    }

    @Override
    public String optionsKey() {
        return String.format(
                Locale.ROOT,
                "mode=%s h264=%s nvenc=%s method=%d",
                mode.yamlName(),
                capabilities.h264Encoder().orElse("none"),
                capabilities.hasEncoder("h264_nvenc"),
                METHOD_VERSION);
    }

    @Override
    public boolean appliesTo(VideoJob job) {
        Verdict verdict = WebCompatibility.of(job.probe()).verdict();
        return switch (mode) {
            case NEVER -> false;
            case AUTO -> verdict == Verdict.NEEDS_REMUX;
            case ALWAYS -> verdict != Verdict.PLAYABLE;
        };
    }

    /** The copy's name for this video: {@code proxy.mp4} or {@code proxy.webm}. */
    public static String fileName(ProbeResult probe) {
        return WebCompatibility.of(probe).proxyFileName();
    }

    @Override
    public void run(VideoJob job, Path outDir) {
        WebCompatibility compatibility = WebCompatibility.of(job.probe());
        Path out = outDir.resolve(compatibility.proxyFileName());
        job.tools().ffmpeg().run(job.file(), "web proxy", arguments(job, compatibility, out));
    }

    List<String> arguments(VideoJob job, WebCompatibility compatibility, Path out) {
        List<String> arguments = new ArrayList<>();
        if (compatibility.verdict() == Verdict.NEEDS_TRANSCODE) {
            arguments.addAll(job.tools().input(job.file()));
            arguments.addAll(List.of("-map", "0:V:0", "-map", "0:a:0?", "-sn", "-dn"));
            arguments.addAll(List.of("-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p"));
            arguments.addAll(VideoEncoders.h264(h264Encoder(job), H264_QUALITY, bitRate(job.probe())));
            arguments.addAll(List.of("-pix_fmt", "yuv420p"));
        } else {
            // nothing is decoded, so hardware decoding options have no place here
            arguments.addAll(List.of("-fflags", "+genpts", "-i", job.file().toString()));
            arguments.addAll(List.of("-map", "0:V:0", "-map", "0:a:0?", "-sn", "-dn", "-c:v", "copy"));
        }
        arguments.addAll(audio(job, compatibility));
        arguments.addAll(job.tools().threadArguments());
        if (compatibility.target() == BrowserContainer.MP4) {
            arguments.addAll(List.of("-movflags", "+faststart"));
        }
        arguments.add(out.toString());
        return arguments;
    }

    /** NVENC when the build found it working (see {@link MediaTools#nvenc}), else the best software H.264 encoder. */
    String h264Encoder(VideoJob job) {
        MediaTools tools = job.tools();
        return capabilities
                .h264Encoder(tools.nvenc())
                .orElseThrow(
                        () -> new MediaException(
                                job.file(),
                                "cannot make a web proxy of " + job.relativePath() + ": ffmpeg "
                                        + tools.ffmpeg().executable()
                                        + " has no H.264 encoder; install an ffmpeg with libx264, or set processing.webProxy: auto"));
    }

    private List<String> audio(VideoJob job, WebCompatibility compatibility) {
        if (compatibility.copyAudio()) {
            return List.of("-c:a", "copy");
        }
        if (compatibility.target() == BrowserContainer.MP4) {
            return List.of("-c:a", "aac", "-b:a", "160k");
        }
        Optional<String> encoder = Optional.of("libopus")
                .filter(capabilities::hasEncoder)
                .or(() -> Optional.of("libvorbis").filter(capabilities::hasEncoder));
        return List.of(
                "-c:a",
                encoder.orElseThrow(() -> new MediaException(
                        job.file(),
                        "cannot make a web proxy of "
                                + job.relativePath() + ": its "
                                + job.probe().audioCodec().orElse("") + " audio needs an Opus or Vorbis"
                                + " encoder for WebM and ffmpeg has neither")),
                "-b:a",
                "128k");
    }

    /** A rate for libopenh264 from the picture size and frame rate (30 fps when unknown). */
    static long bitRate(ProbeResult probe) {
        double fps = probe.frameRate() > 0 ? probe.frameRate() : 30;
        long rate = Math.round((double) probe.width() * probe.height() * fps * BITS_PER_PIXEL);
        return Math.max(MIN_BIT_RATE, Math.min(MAX_BIT_RATE, rate));
    }
}
