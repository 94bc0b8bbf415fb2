package org.ova.media;

import java.util.Locale;
import java.util.Map;
import org.ova.repo.metadata.VrMode;
import org.ova.repo.metadata.VrMode.Projection;
import org.ova.repo.metadata.VrMode.Stereo;

/**
 * Decides a video's effective VR layout. Projection and stereo are decided separately, each from the
 * first source that states it: the person's YAML, then the file's spherical / stereo 3D side data,
 * then naming conventions in the file name; what nothing states is flat and mono.
 *
 * <p>File name conventions are whole tokens, case-insensitive, between any non-letter-or-digit
 * characters ({@code trip_180_LR.mp4}, {@code Concert-360.mkv}, {@code Film (3DH).mkv}); when tokens
 * disagree the last one wins, since conventions are written at the end. A stereo token alone means a
 * flat 3D film ({@code flat} + {@code sbs}): the aspect ratio is never used to guess a projection.
 * {@code vr180} means 180° side by side, as VR180 cameras record.
 */
public final class VrDetector {

    private static final Map<String, Projection> PROJECTION_TOKENS = Map.ofEntries(
            Map.entry("360", Projection.EQUIRECT_360), Map.entry("vr360", Projection.EQUIRECT_360),
            Map.entry("360vr", Projection.EQUIRECT_360), Map.entry("360x180", Projection.EQUIRECT_360),
            Map.entry("180", Projection.EQUIRECT_180), Map.entry("vr180", Projection.EQUIRECT_180),
            Map.entry("180vr", Projection.EQUIRECT_180), Map.entry("180x180", Projection.EQUIRECT_180));

    private static final Map<String, Stereo> STEREO_TOKENS = Map.ofEntries(
            Map.entry("sbs", Stereo.SIDE_BY_SIDE), Map.entry("lr", Stereo.SIDE_BY_SIDE),
            Map.entry("rl", Stereo.SIDE_BY_SIDE), Map.entry("3dh", Stereo.SIDE_BY_SIDE),
            Map.entry("hsbs", Stereo.SIDE_BY_SIDE), Map.entry("vr180", Stereo.SIDE_BY_SIDE),
            Map.entry("tb", Stereo.TOP_BOTTOM), Map.entry("bt", Stereo.TOP_BOTTOM),
            Map.entry("ou", Stereo.TOP_BOTTOM), Map.entry("3dv", Stereo.TOP_BOTTOM),
            Map.entry("tab", Stereo.TOP_BOTTOM), Map.entry("htb", Stereo.TOP_BOTTOM),
            Map.entry("hou", Stereo.TOP_BOTTOM), Map.entry("mono", Stereo.MONO));

    private VrDetector() {}

    /**
     * The VR layout of a video: the person's choice, else the side data, else the file name.
     *
     * @param person   the YAML's {@code vr}; {@link VrMode#AUTO} parts mean "detect"
     * @param sideData {@link ProbeResult#sideDataVr()}
     * @param fileName the video's file name (folders are not looked at)
     * @return a mode with no {@code AUTO} part
     */
    public static VrMode detect(VrMode person, VrMode sideData, String fileName) {
        VrMode named = fromFileName(fileName);
        Projection projection =
                first(Projection.AUTO, Projection.FLAT, person.projection(), sideData.projection(), named.projection());
        Stereo stereo = first(Stereo.AUTO, Stereo.MONO, person.stereo(), sideData.stereo(), named.stereo());
        return new VrMode(projection, stereo);
    }

    /** What the file name's tokens say; parts no token states stay {@code AUTO}. */
    public static VrMode fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        Projection projection = Projection.AUTO;
        Stereo stereo = Stereo.AUTO;
        for (String token : stem.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            projection = PROJECTION_TOKENS.getOrDefault(token, projection);
            stereo = STEREO_TOKENS.getOrDefault(token, stereo);
        }
        return new VrMode(projection, stereo);
    }

    @SafeVarargs
    private static <T> T first(T auto, T fallback, T... choices) {
        for (T choice : choices) {
            if (choice != auto) {
                return choice;
            }
        }
        return fallback;
    }
}
