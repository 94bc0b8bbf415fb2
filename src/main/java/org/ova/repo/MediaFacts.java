package org.ova.repo;

import java.util.List;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.VrMode;

/**
 * What processing learnt about a video file that the library model and the site show or use:
 * duration, picture size as displayed, codecs, the VR layout the file or its name states, and the
 * chapters stored in the container.
 *
 * @param audioCodec empty when the video has no sound
 * @param detectedVr projection and stereo from side data, then the file name; never AUTO
 */
public record MediaFacts(
        double duration,
        int width,
        int height,
        String container,
        String videoCodec,
        String audioCodec,
        double frameRate,
        long bitRate,
        VrMode detectedVr,
        List<Chapter> chapters) {

    public MediaFacts {
        chapters = List.copyOf(chapters);
    }
}
