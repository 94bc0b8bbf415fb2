package org.ova.media;

import com.github.kokorin.jaffree.ffprobe.SideData;
import java.util.List;
import org.ova.repo.metadata.VrMode;
import org.ova.repo.metadata.VrMode.Projection;
import org.ova.repo.metadata.VrMode.Stereo;

/**
 * Reads a video stream's "Spherical Mapping" and "Stereo 3D" side data (from mp4 {@code sv3d} /
 * {@code st3d} boxes or Matroska projection and StereoMode elements) into a {@link VrMode}.
 */
final class VrSideData {

    private VrSideData() {}

    /** The mode the side data states; parts it does not state stay {@code AUTO}. */
    static VrMode from(List<SideData> sideData, int storedWidth) {
        Projection projection = Projection.AUTO;
        Stereo stereo = Stereo.AUTO;
        for (SideData data : sideData) {
            String type = String.valueOf(data.getSideDataType());
            if (type.equals("Spherical Mapping")) {
                projection = projection(data, storedWidth);
            } else if (type.equals("Stereo 3D")) {
                stereo = stereo(String.valueOf(data.getString("type")));
            }
        }
        return new VrMode(projection, stereo);
    }

    /**
     * Plain equirectangular is a full 360° sphere. A tiled one is a crop of that sphere; ffprobe gives
     * the crop as pixels missing on each side, so the horizontal coverage tells 180° from 360°.
     */
    private static Projection projection(SideData data, int storedWidth) {
        String name = String.valueOf(data.getString("projection"));
        if (name.equals("equirectangular")) {
            return Projection.EQUIRECT_360;
        }
        if (name.startsWith("half equirectangular")) {
            return Projection.EQUIRECT_180;
        }
        if (name.equals("tiled equirectangular")) {
            long left = orZero(data.getLong("bound_left"));
            long right = orZero(data.getLong("bound_right"));
            double degrees = 360.0 * storedWidth / (storedWidth + left + right);
            return degrees <= 270 ? Projection.EQUIRECT_180 : Projection.EQUIRECT_360;
        }
        return Projection.AUTO;
    }

    private static Stereo stereo(String type) {
        if (type.equals("2D")) {
            return Stereo.MONO;
        }
        if (type.startsWith("side by side")) {
            return Stereo.SIDE_BY_SIDE;
        }
        if (type.equals("top and bottom")) {
            return Stereo.TOP_BOTTOM;
        }
        return Stereo.AUTO;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
