package org.ova.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.VrMode;

/**
 * What ffprobe says about one video, reduced to what ova uses.
 *
 * @param file the probed file
 * @param durationSeconds the container's duration (the video stream's when the container has none)
 * @param container ffmpeg's format name, e.g. {@code matroska,webm} or {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param videoCodec the first real video stream's codec (cover art is skipped), e.g. {@code h264}
 * @param audioCodec the first audio stream's codec, if any
 * @param width the width as displayed, after rotation
 * @param height the height as displayed, after rotation
 * @param rotation degrees, clockwise, the stored picture is turned to be shown upright: 0, 90, 180
 *     or 270 (from the display matrix, or the older {@code rotate} tag)
 * @param frameRate frames per second (average rate, else the stream's base rate; 0 when unknown)
 * @param bitRate bits per second of the whole file, 0 when unknown
 * @param chapters the container's chapters in order
 * @param sideDataVr projection and stereo layout stated by spherical / stereo 3D side data;
 *     {@link VrMode.Projection#AUTO} / {@link VrMode.Stereo#AUTO} where the file states nothing
 * @param keyframeInterval typical seconds between keyframes, from the first minute's packets; 0 when unknown
 */
public record ProbeResult(
        Path file,
        double durationSeconds,
        String container,
        String videoCodec,
        Optional<String> audioCodec,
        int width,
        int height,
        int rotation,
        double frameRate,
        long bitRate,
        List<Chapter> chapters,
        VrMode sideDataVr,
        double keyframeInterval) {

    public ProbeResult {
        chapters = List.copyOf(chapters);
    }

    /** The same result for the file at its current path (a renamed video keeps its probe). */
    public ProbeResult withFile(Path at) {
        return new ProbeResult(
                at,
                durationSeconds,
                container,
                videoCodec,
                audioCodec,
                width,
                height,
                rotation,
                frameRate,
                bitRate,
                chapters,
                sideDataVr,
                keyframeInterval);
    }

    public ProbeResult withKeyframeInterval(double seconds) {
        return new ProbeResult(
                file,
                durationSeconds,
                container,
                videoCodec,
                audioCodec,
                width,
                height,
                rotation,
                frameRate,
                bitRate,
                chapters,
                sideDataVr,
                seconds);
    }
}
