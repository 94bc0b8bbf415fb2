package org.ova.media;

import com.github.kokorin.jaffree.Rational;
import com.github.kokorin.jaffree.StreamType;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.SideData;
import com.github.kokorin.jaffree.ffprobe.Stream;
import com.github.kokorin.jaffree.ffprobe.data.ProbeData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ova.repo.metadata.Chapter;

/**
 * Turns ffprobe's answer ({@code -show_format -show_streams -show_chapters}) into a
 * {@link ProbeResult}. No I/O, so it is tested on captured ffprobe JSON.
 */
final class ProbeResultMapper {

    private ProbeResultMapper() {}

    /**
     * @throws MediaException when the file has no video stream (audio only, or nothing at all)
     */
    static ProbeResult map(Path file, FFprobeResult probe) {
        List<Stream> streams = probe.getStreams() == null ? List.of() : probe.getStreams();
        Stream video = streams.stream()
                .filter(ProbeResultMapper::isMovingPicture)
                .findFirst()
                .orElseThrow(() -> new MediaException(
                        file, "not a video: " + file + " has no video stream (" + describe(streams) + ")"));
        Optional<String> audio = streams.stream()
                .filter(s -> s.getCodecType() == StreamType.AUDIO)
                .map(Stream::getCodecName)
                .findFirst();
        List<SideData> sideData = video.getSideDataList() == null ? List.of() : video.getSideDataList();
        int storedWidth = orZero(video.getWidth());
        int storedHeight = orZero(video.getHeight());
        int rotation = rotation(video, sideData);
        boolean quarterTurn = rotation == 90 || rotation == 270;
        return new ProbeResult(
                file,
                duration(probe, video),
                probe.getFormat() == null
                        ? ""
                        : String.valueOf(probe.getFormat().getFormatName()),
                String.valueOf(video.getCodecName()),
                audio,
                quarterTurn ? storedHeight : storedWidth,
                quarterTurn ? storedWidth : storedHeight,
                rotation,
                frameRate(video),
                probe.getFormat() == null || probe.getFormat().getBitRate() == null
                        ? 0
                        : probe.getFormat().getBitRate(),
                chapters(probe),
                VrSideData.from(sideData, storedWidth),
                0);
    }

    /** A video stream that is not a cover picture attached to an audio file. */
    private static boolean isMovingPicture(Stream stream) {
        ProbeData disposition = stream.getProbeData().getSubData("disposition");
        return stream.getCodecType() == StreamType.VIDEO
                && (disposition == null || !Boolean.TRUE.equals(disposition.getBoolean("attached_pic")));
    }

    private static String describe(List<Stream> streams) {
        List<String> kinds = new ArrayList<>();
        for (Stream s : streams) {
            String kind = s.getCodecType() == StreamType.VIDEO
                    ? "cover picture"
                    : String.valueOf(s.getCodecType()).toLowerCase(Locale.ROOT);
            kinds.add(kind + " " + s.getCodecName());
        }
        return kinds.isEmpty() ? "no streams at all" : "only " + String.join(", ", kinds);
    }

    /**
     * Clockwise degrees. The display matrix states the counter-clockwise turn to apply; the older
     * {@code rotate} tag states the clockwise one.
     */
    static int rotation(Stream video, List<SideData> sideData) {
        for (SideData data : sideData) {
            if ("Display Matrix".equals(data.getSideDataType()) && data.getDouble("rotation") != null) {
                return normalized(-Math.round(data.getDouble("rotation")));
            }
        }
        String tag = video.getTag("rotate");
        if (tag != null) {
            try {
                return normalized(Math.round(Double.parseDouble(tag.strip())));
            } catch (NumberFormatException e) {
                return 0; // a garbled tag says nothing reliable about orientation
            }
        }
        return 0;
    }

    private static int normalized(long degrees) {
        return (int) (((degrees % 360) + 360) % 360);
    }

    private static double duration(FFprobeResult probe, Stream video) {
        Double container = probe.getFormat() == null
                ? null
                : probe.getFormat().getProbeData().getDouble("duration");
        if (container != null) {
            return container;
        }
        Double stream = video.getProbeData().getDouble("duration");
        return stream == null ? 0 : stream;
    }

    private static double frameRate(Stream video) {
        for (Rational rate : new Rational[] {video.getAvgFrameRate(), video.getRFrameRate()}) {
            if (rate != null && rate.getDenominator() != 0 && rate.getNumerator() != 0) {
                return rate.doubleValue();
            }
        }
        return 0;
    }

    private static List<Chapter> chapters(FFprobeResult probe) {
        List<Chapter> chapters = new ArrayList<>();
        List<com.github.kokorin.jaffree.ffprobe.Chapter> found =
                probe.getChapters() == null ? List.of() : probe.getChapters();
        for (com.github.kokorin.jaffree.ffprobe.Chapter chapter : found) {
            String title = chapter.getTag("title");
            double start = chapter.getStartTime() == null ? 0 : chapter.getStartTime();
            chapters.add(new Chapter(
                    start, title == null || title.isBlank() ? "Chapter " + (chapters.size() + 1) : title.strip()));
        }
        return chapters;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
