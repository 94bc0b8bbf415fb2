package org.ova.media.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ova.media.MediaProbe;
import org.ova.media.ProbeResult;
import org.ova.media.TestClips;
import org.ova.media.VrDetector;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegCapabilitiesReader;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.media.pipeline.MediaTools;
import org.ova.media.pipeline.VideoJob;
import org.ova.media.pipeline.VideoLog;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.config.ProcessingOptions;
import org.ova.repo.metadata.VrMode;

/** Real ffmpeg, probe and jobs for the step tests, as the pipeline would hand them to a step. */
final class StepFixture {

    final TestClips clips;
    final FfmpegCapabilities capabilities;
    final MediaProbe probe;
    final MediaTools tools;

    StepFixture() {
        FfmpegInstallation installation = TestClips.installation();
        clips = new TestClips(installation.ffmpeg());
        capabilities = new FfmpegCapabilitiesReader().read(installation.ffmpeg());
        probe = new MediaProbe(installation.ffprobe());
        tools = new MediaTools(new FfmpegRunner(installation.ffmpeg(), Duration.ofSeconds(60)), capabilities,
                List.of(), 0);
    }

    /** A job whose VR layout is detected from side data and the file name, as the pipeline does. */
    VideoJob job(Path file) {
        ProbeResult result = probe.probe(file);
        VrMode vr = VrDetector.detect(VrMode.AUTO, result.sideDataVr(), file.getFileName().toString());
        return new VideoJob("id-" + file.getFileName(), file.getFileName().toString(), file, result, vr, tools,
                new VideoLog());
    }

    /** Runs {@code ffmpeg ARGUMENTS} to make an input the clip maker cannot. */
    Path ffmpeg(Path out, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add(out.toString());
        tools.ffmpeg().run(out, "a test input", all);
        return out;
    }

    static ProcessingOptions preview(int segments, double seconds, int width) {
        ProcessingOptions d = OvaConfig.defaults().processing();
        return new ProcessingOptions(d.batch(), d.parallel(), d.threads(), d.hwaccel(), d.vtt(), d.spriteInterval(),
                d.spriteWidth(), d.spriteColumns(), d.spriteRows(), d.thumbnailWidth(), d.preview(),
                segments, seconds, width, d.webProxy());
    }

    /** The types of an MP4 file's top-level boxes, in file order ({@code ftyp}, {@code moov}, …). */
    static List<String> topLevelBoxes(Path file) {
        List<String> types = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            long remaining = Files.size(file);
            while (remaining >= 8) {
                ByteBuffer header = ByteBuffer.wrap(in.readNBytes(8));
                long size = Integer.toUnsignedLong(header.getInt());
                types.add(new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1));
                long headerSize = 8;
                if (size == 1) {
                    size = ByteBuffer.wrap(in.readNBytes(8)).getLong();
                    headerSize = 16;
                } else if (size == 0) {
                    size = remaining;
                }
                in.skipNBytes(size - headerSize);
                remaining -= size;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }
}
