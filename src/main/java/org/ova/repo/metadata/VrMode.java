package org.ova.repo.metadata;

/**
 * How a video is projected and how its eyes are laid out. {@code AUTO} parts mean "detect it"
 * (side data, then filename conventions such as {@code _360} or {@code _sbs}).
 */
public record VrMode(Projection projection, Stereo stereo) {

    public static final VrMode AUTO = new VrMode(Projection.AUTO, Stereo.AUTO);
    public static final VrMode FLAT = new VrMode(Projection.FLAT, Stereo.MONO);

    /** True when the video is meant for a VR player (360° or 180°). */
    public boolean isVr() {
        return projection == Projection.EQUIRECT_360 || projection == Projection.EQUIRECT_180;
    }

    /** The image's shape on the sphere. YAML words: auto, flat, 360, 180. */
    public enum Projection {
        AUTO("auto"),
        FLAT("flat"),
        EQUIRECT_360("360"),
        EQUIRECT_180("180");

        private final String yamlName;

        Projection(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** Where each eye's picture is. YAML words: auto, mono, sbs (side by side), tb (top-bottom). */
    public enum Stereo {
        AUTO("auto"),
        MONO("mono"),
        SIDE_BY_SIDE("sbs"),
        TOP_BOTTOM("tb");

        private final String yamlName;

        Stereo(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }
}
