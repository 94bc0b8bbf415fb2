package org.ova.media.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.ova.media.MediaProbe;
import org.ova.media.ProbeResult;
import org.ova.media.TestClips;
import org.ova.media.VrDetector;
import org.ova.media.ffmpeg.FfmpegCapabilities;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegRunner;
import org.ova.media.pipeline.MediaTools;
import org.ova.media.pipeline.VideoJob;
import org.ova.media.pipeline.VideoLog;
import org.ova.media.vtt.WebVttCue;
import org.ova.repo.config.HwAccel;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.config.ProcessingOptions;
import org.ova.repo.config.WebProxyMode;
import org.ova.repo.metadata.VrMode;

/** Real ffmpeg, probes and jobs for the step tests, as the pipeline hands them to a step, plus readers for what the steps make. */
final class StepFixture {

    final TestClips clips;
    final FfmpegCapabilities capabilities;
    final MediaProbe probe;
    final MediaTools tools;

    StepFixture() {
        FfmpegInstallation installation = TestClips.installation();
        clips = new TestClips(installation.ffmpeg());
        capabilities = TestClips.capabilities(installation.ffmpeg());
        probe = new MediaProbe(installation.ffprobe());
        tools = new MediaTools(
                new FfmpegRunner(installation.ffmpeg(), Duration.ofSeconds(60)), capabilities, List.of(), false, 0);
    }

    /** A job whose VR layout is detected from side data and the file name, as the pipeline does. */
    VideoJob job(Path file) {
        ProbeResult result = probe.probe(file);
        VrMode vr = VrDetector.detect(
                VrMode.AUTO, result.sideDataVr(), file.getFileName().toString());
        return new VideoJob(
                "id-" + file.getFileName(), file.getFileName().toString(), file, result, vr, tools, new VideoLog());
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
        return new ProcessingOptions(
                d.batch(),
                d.parallel(),
                d.threads(),
                d.hwaccel(),
                d.vtt(),
                d.spriteInterval(),
                d.spriteWidth(),
                d.spriteColumns(),
                d.spriteRows(),
                d.thumbnailWidth(),
                d.preview(),
                segments,
                seconds,
                width,
                d.webProxy());
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

    static ProcessingOptions options(
            double spriteInterval, int spriteWidth, int columns, int rows, int thumbnailWidth) {
        return new ProcessingOptions(
                true,
                1,
                0,
                HwAccel.NONE,
                true,
                spriteInterval,
                spriteWidth,
                columns,
                rows,
                thumbnailWidth,
                true,
                10,
                0.75,
                320,
                WebProxyMode.AUTO);
    }

    VideoJob job(Path clip, VrMode vr) {
        return job(probe.probe(clip), vr);
    }

    VideoJob job(ProbeResult probed, VrMode vr) {
        Path clip = probed.file();
        return new VideoJob("v1", clip.getFileName().toString(), clip, probed, vr, tools, new VideoLog());
    }

    /** An empty staging folder, as the pipeline hands it to a step. */
    static Path staging(Path dir) {
        try {
            return Files.createDirectories(dir.resolve("staging"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Width and height of a JPEG, read from its header. */
    static List<Integer> jpegSize(Path jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            List<Integer> size = List.of(reader.getWidth(0), reader.getHeight(0));
            reader.dispose();
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern TIMING =
            Pattern.compile("(\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{3}) --> (\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{3})");

    /** The cues of a WebVTT file as {@link org.ova.media.vtt.WebVttWriter} writes them. */
    static List<WebVttCue> readVtt(Path vtt) {
        try {
            List<String> lines = Files.readAllLines(vtt);
            assertEquals("WEBVTT", lines.get(0));
            List<WebVttCue> cues = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                Matcher timing = TIMING.matcher(lines.get(i));
                if (timing.matches()) {
                    cues.add(new WebVttCue(seconds(timing, 1), seconds(timing, 5), lines.get(i + 1)));
                }
            }
            return cues;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(Matcher m, int from) {
        long millis = Long.parseLong(m.group(from)) * 3_600_000
                + Long.parseLong(m.group(from + 1)) * 60_000
                + Long.parseLong(m.group(from + 2)) * 1000
                + Long.parseLong(m.group(from + 3));
        return millis / 1000.0;
    }

    private static final Pattern IMAGE = Pattern.compile("(sprite-\\d+\\.jpg)#xywh=(\\d+),(\\d+),(\\d+),(\\d+)");

    /**
     * Checks that the cues cover 0 → duration without gaps or overlaps, and that every cue shows a
     * tile inside a sheet that exists in {@code outDir}.
     */
    static void assertTruthfulCues(List<WebVttCue> cues, double duration, Path outDir) {
        assertTrue(!cues.isEmpty(), "no cues");
        assertEquals(0.0, cues.get(0).start());
        for (int i = 1; i < cues.size(); i++) {
            assertEquals(cues.get(i - 1).end(), cues.get(i).start(), "gap or overlap before cue " + i);
        }
        assertEquals(duration, cues.get(cues.size() - 1).end(), 0.0005);
        for (WebVttCue cue : cues) {
            Matcher image = IMAGE.matcher(cue.text());
            assertTrue(image.matches(), cue.text());
            Path sheet = outDir.resolve(image.group(1));
            assertTrue(Files.isRegularFile(sheet), "missing " + sheet);
            List<Integer> size = jpegSize(sheet);
            assertTrue(Integer.parseInt(image.group(2)) + Integer.parseInt(image.group(4)) <= size.get(0), cue.text());
            assertTrue(Integer.parseInt(image.group(3)) + Integer.parseInt(image.group(5)) <= size.get(1), cue.text());
        }
    }

    static List<String> fileNames(Path dir) {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
