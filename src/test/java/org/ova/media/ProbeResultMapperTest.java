package org.ova.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.data.JsonFormatParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.VrMode;
import org.ova.repo.metadata.VrMode.Projection;
import org.ova.repo.metadata.VrMode.Stereo;

/** Side data and tags that generated clips cannot easily carry, as ffprobe 7.1 prints them in JSON. */
class ProbeResultMapperTest {

    private static final Path FILE = Path.of("/videos/clip.mp4");

    private static ProbeResult map(String streamsJson, String formatJson) {
        String json = "{\"streams\": [" + streamsJson + "], \"chapters\": [], \"format\": " + formatJson + "}";
        FFprobeResult probe = new FFprobeResult(
                new JsonFormatParser().parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        return ProbeResultMapper.map(FILE, probe);
    }

    private static final String FORMAT = """
            {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "12.345000", "bit_rate": "8000000"}""";

    private static String video(int width, int height, String extra) {
        return """
                {"index": 0, "codec_name": "h264", "codec_type": "video", "width": %d, "height": %d,
                 "r_frame_rate": "30000/1001", "avg_frame_rate": "30000/1001",
                 "disposition": {"default": 1, "attached_pic": 0}%s}""".formatted(width, height, extra);
    }

    @Test
    void vr180SideBySideIsReadFromTiledEquirectangularBounds() {
        String sideData = """
                , "side_data_list": [
                  {"side_data_type": "Stereo 3D", "type": "side by side", "inverted": 0, "view": "packed"},
                  {"side_data_type": "Spherical Mapping", "projection": "tiled equirectangular",
                   "bound_left": 1920, "bound_top": 0, "bound_right": 1920, "bound_bottom": 0,
                   "yaw": 0, "pitch": 0, "roll": 0}]""";

        ProbeResult result = map(video(3840, 1920, sideData), FORMAT);

        assertEquals(new VrMode(Projection.EQUIRECT_180, Stereo.SIDE_BY_SIDE), result.sideDataVr());
    }

    @Test
    void plainEquirectangularIsA360AndTwoDIsMono() {
        String sideData = """
                , "side_data_list": [
                  {"side_data_type": "Spherical Mapping", "projection": "equirectangular", "yaw": 0, "pitch": 0, "roll": 0},
                  {"side_data_type": "Stereo 3D", "type": "2D", "inverted": 0}]""";

        assertEquals(
                new VrMode(Projection.EQUIRECT_360, Stereo.MONO),
                map(video(4096, 2048, sideData), FORMAT).sideDataVr());
    }

    @Test
    void topAndBottomHalfEquirectangular() {
        String sideData = """
                , "side_data_list": [
                  {"side_data_type": "Stereo 3D", "type": "top and bottom", "inverted": 0},
                  {"side_data_type": "Spherical Mapping", "projection": "half equirectangular"}]""";

        assertEquals(
                new VrMode(Projection.EQUIRECT_180, Stereo.TOP_BOTTOM),
                map(video(2048, 2048, sideData), FORMAT).sideDataVr());
    }

    @Test
    void phoneDisplayMatrixOfMinus90TurnsClockwiseAndSwapsTheSize() {
        String sideData = """
                , "side_data_list": [{"side_data_type": "Display Matrix",
                  "displaymatrix": "\\n00000000:            0       65536           0\\n", "rotation": -90}]""";

        ProbeResult result = map(video(1920, 1080, sideData), FORMAT);

        assertEquals(90, result.rotation());
        assertEquals(1080, result.width());
        assertEquals(1920, result.height());
    }

    @Test
    void legacyRotateTagIsClockwise() {
        ProbeResult result = map(video(640, 360, ", \"tags\": {\"rotate\": \"90\"}"), FORMAT);

        assertEquals(90, result.rotation());
        assertEquals(360, result.width());
        assertEquals(640, result.height());
    }

    @Test
    void upsideDownKeepsTheSize() {
        ProbeResult result = map(
                video(640, 360, ", \"side_data_list\": [{\"side_data_type\": \"Display Matrix\", \"rotation\": 180}]"),
                FORMAT);

        assertEquals(180, result.rotation());
        assertEquals(640, result.width());
        assertEquals(360, result.height());
    }

    @Test
    void formatFieldsAndNtscFrameRate() {
        ProbeResult result = map(video(640, 360, ""), FORMAT);

        assertEquals(
                new ProbeResult(
                        FILE,
                        12.345,
                        "mov,mp4,m4a,3gp,3g2,mj2",
                        "h264",
                        Optional.empty(),
                        640,
                        360,
                        0,
                        30000.0 / 1001,
                        8_000_000,
                        List.<Chapter>of(),
                        VrMode.AUTO,
                        0),
                result);
    }

    @Test
    void streamDurationAndBaseRateStandInWhenMissing() {
        String stream = """
                {"codec_name": "vp9", "codec_type": "video", "width": 320, "height": 240, "duration": "4.500000",
                 "r_frame_rate": "24/1", "avg_frame_rate": "0/0"}""";

        ProbeResult result = map(stream, "{\"format_name\": \"matroska,webm\"}");

        assertEquals(4.5, result.durationSeconds());
        assertEquals(24.0, result.frameRate());
        assertEquals(0, result.bitRate());
    }

    @Test
    void audioWithCoverArtIsNotAVideo() {
        String streams = """
                {"codec_name": "mp3", "codec_type": "audio"},
                {"codec_name": "mjpeg", "codec_type": "video", "width": 500, "height": 500,
                 "disposition": {"default": 0, "attached_pic": 1}}""";

        MediaException e = assertThrows(MediaException.class, () -> map(streams, FORMAT));

        assertEquals(
                "not a video: /videos/clip.mp4 has no video stream (only audio mp3, cover picture mjpeg)",
                e.getMessage());
    }
}
