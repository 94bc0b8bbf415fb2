package org.ova.media.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ova.media.MediaException;
import org.ova.media.pipeline.MediaKind;
import org.ova.media.pipeline.ProcessingStep;
import org.ova.media.pipeline.VideoJob;
import org.ova.media.sprites.ScrubCuePlanner;
import org.ova.media.sprites.ShowinfoParser;
import org.ova.media.sprites.SpriteGrid;
import org.ova.media.vtt.WebVttCue;
import org.ova.media.vtt.WebVttWriter;
import org.ova.repo.AtomicFiles;
import org.ova.repo.config.ProcessingOptions;

/**
 * Makes the scrub thumbnails of a video: sprite sheets {@code sprite-1.jpg, sprite-2.jpg, ...} and
 * {@code sprites.vtt}, whose cues name the frame really shown at each time.
 *
 * <p>One ffmpeg pass decodes keyframes only ({@code -skip_frame nokey}), picks about one frame per
 * interval, scales and tiles them, while {@code showinfo} reports each picked frame's real
 * timestamp. {@code -discard nokey} lets demuxers with an index (MP4, ...) skip reading the other
 * packets at all, which makes the pass about three times faster on a 10 s keyframe interval. It is
 * left out with ffmpeg older than 7: with it, the MP4 demuxer of 5.1 gives H.264 keyframes wrong
 * times (the keyframe at 2.00 s comes out as 2.12 s), which would make the cues lie.
 * When the file has too few keyframes for the interval (fewer than half the expected pictures,
 * or none the container marks as such), the same pass runs again decoding every frame.
 */
public final class SpriteSheetStep implements ProcessingStep {

    public static final String VTT_FILE = "sprites.vtt";
    /** Changes whenever the way sprites are made changes, so existing sprites are remade. */
    static final String METHOD = "keyframes-v1";

    /**
     * Keyframe buckets start this fraction of an interval early: encoders often place keyframes a
     * little before each multiple of the interval, and those should not be skipped.
     */
    static final double KEYFRAME_EARLINESS = 0.1;

    private static final Pattern SHEET_FILE = Pattern.compile("sprite-\\d+\\.jpg");

    private final ProcessingOptions options;

    public SpriteSheetStep(ProcessingOptions options) {
        this.options = options;
    }

    @Override
    public MediaKind kind() {
        return MediaKind.SPRITES;
    }

    @Override
    public String outputFile(VideoJob job) {
        return VTT_FILE;
    }

    @Override
    public String optionsKey() {
        return String.format(
                Locale.ROOT,
                "method=%s interval=%s width=%d grid=%dx%d",
                METHOD,
                number(options.spriteInterval()),
                options.spriteWidth(),
                options.spriteColumns(),
                options.spriteRows());
    }

    /** Sheet {@code n} (from 0) is {@code sprite-(n+1).jpg}, as ffmpeg numbers its outputs. */
    public static String sheetName(int sheet) {
        return "sprite-" + (sheet + 1) + ".jpg";
    }

    @Override
    public void run(VideoJob job, Path outDir) {
        double duration = job.probe().durationSeconds();
        double interval = options.effectiveSpriteInterval(duration);
        ShownPicture picture = ShownPicture.of(job.probe(), job.vr());
        SpriteGrid grid = new SpriteGrid(
                options.spriteColumns(),
                options.spriteRows(),
                options.spriteWidth(),
                picture.evenHeightAt(options.spriteWidth()));
        int expected = expectedFrames(duration, interval);

        // keyframes twice as far apart as the pictures: the keyframe pass could only be thrown away
        double keyframes = job.probe().keyframeInterval();
        boolean sparse = keyframes > 2 * interval && expected > 1;
        List<Double> times = sparse
                ? List.of()
                : keyframePass(job, outDir, filterChain(picture, interval, KEYFRAME_EARLINESS, grid));
        String method = "keyframes";
        if (times.size() * 2 < expected || times.isEmpty()) {
            job.log()
                    .debug("Sprites: " + times.size() + " keyframe pictures of " + expected
                            + " expected; decoding every frame of '" + job.relativePath() + "'.");
            deleteSheets(outDir);
            times = decode(job, outDir, filterChain(picture, interval, 0, grid), false);
            method = "every frame";
        }
        if (times.isEmpty()) {
            throw new MediaException(
                    job.file(), "no video frame could be decoded for the scrub sprites of " + job.relativePath());
        }
        int sheets = checkSheets(job, outDir, times.size(), grid);
        List<WebVttCue> cues = ScrubCuePlanner.plan(times, duration, grid, SpriteSheetStep::sheetName);
        AtomicFiles.write(outDir.resolve(VTT_FILE), WebVttWriter.write(cues));
        job.log()
                .debug(String.format(
                        Locale.ROOT,
                        "Sprites: %d pictures on %d sheets, %d cues (%s, interval %s s).",
                        times.size(),
                        sheets,
                        cues.size(),
                        method,
                        number(interval)));
    }

    /**
     * The filters of a pass: one eye, then the first frame of every interval bucket, scaled,
     * reported by showinfo and tiled. Buckets (not "an interval after the last pick") keep the
     * pictures on the interval's grid instead of drifting later with every pick.
     *
     * @param earliness fraction of an interval by which buckets start early
     */
    static String filterChain(ShownPicture picture, double interval, double earliness, SpriteGrid grid) {
        String bucket = "floor(%s/" + number(interval) + (earliness > 0 ? "+" + number(earliness) : "") + ")";
        String select = "select='isnan(prev_selected_t)+gt(" + bucket.formatted("t") + "\\,"
                + bucket.formatted("prev_selected_t") + ")'";
        List<String> filters = new ArrayList<>();
        picture.cropFilter().ifPresent(filters::add);
        filters.add(select);
        filters.add("scale=" + grid.tileWidth() + ":" + grid.tileHeight());
        filters.add("showinfo");
        filters.add("tile=" + grid.columns() + "x" + grid.rows());
        return String.join(",", filters);
    }

    /** Pictures a video should get: one per started interval, at least one. */
    static int expectedFrames(double duration, double interval) {
        if (!(duration > 0) || !(interval > 0)) {
            return 1;
        }
        return (int) Math.max(1, Math.ceil(duration / interval - 1e-9));
    }

    /** The keyframe pass's frame times; none when it failed, e.g. because no keyframe was picked. */
    private static List<Double> keyframePass(VideoJob job, Path outDir, String filters) {
        try {
            return decode(job, outDir, filters, true);
        } catch (MediaException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            job.log().debug("Sprites: keyframe pass failed (" + e.getMessage() + ").");
            return List.of();
        }
    }

    private static List<Double> decode(VideoJob job, Path outDir, String filters, boolean keyframesOnly) {
        List<String> imageOptions = new ArrayList<>(job.tools().capabilities().variableFrameRate());
        imageOptions.addAll(List.of("-q:v", "4"));
        // the image2 muxer reads % as a pattern, so a % in the folder's own name is doubled
        List<String> arguments = PictureCommand.arguments(
                job,
                keyframesOnly ? keyframeInput(job) : List.of(),
                filters,
                imageOptions,
                outDir.toAbsolutePath().toString().replace("%", "%%") + "/sprite-%d.jpg");
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        job.tools()
                .ffmpeg()
                .run(
                        job.file(),
                        "sprites",
                        arguments,
                        line -> ShowinfoParser.frameTime(line).ifPresent(times::add));
        synchronized (times) {
            return List.copyOf(times);
        }
    }

    private static List<String> keyframeInput(VideoJob job) {
        return job.tools().capabilities().atLeast(7, 0)
                ? List.of("-discard", "nokey", "-skip_frame", "nokey")
                : List.of("-skip_frame", "nokey");
    }

    private static int checkSheets(VideoJob job, Path outDir, int frames, SpriteGrid grid) {
        int wanted = (frames + grid.tilesPerSheet() - 1) / grid.tilesPerSheet();
        List<Path> found = sheets(outDir);
        boolean numberedInOrder = found.size() == wanted;
        for (int n = 0; n < wanted && numberedInOrder; n++) {
            numberedInOrder = notEmpty(outDir.resolve(sheetName(n)));
        }
        if (!numberedInOrder) {
            throw new MediaException(
                    job.file(),
                    "ffmpeg made " + found.size() + " sprite sheets for " + frames + " pictures of "
                            + job.relativePath() + ", expected " + wanted);
        }
        return wanted;
    }

    /** A sheet cut to nothing (a full disk) is as missing as no sheet. */
    private static boolean notEmpty(Path sheet) {
        try {
            return Files.size(sheet) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteSheets(Path outDir) {
        try {
            for (Path sheet : sheets(outDir)) {
                Files.delete(sheet);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete sprite sheets in " + outDir, e);
        }
    }

    private static List<Path> sheets(Path outDir) {
        try (Stream<Path> files = Files.list(outDir)) {
            return files.filter(file ->
                            SHEET_FILE.matcher(file.getFileName().toString()).matches())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list sprite sheets in " + outDir, e);
        }
    }

    /** {@code 10.0} → {@code 10}, {@code 2.5} → {@code 2.5}, as ffmpeg expressions and keys read them. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
