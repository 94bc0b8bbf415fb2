package org.ova.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ova.repo.metadata.VrMode;
import org.ova.repo.metadata.VrMode.Projection;
import org.ova.repo.metadata.VrMode.Stereo;

class VrDetectorTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
        "holiday.mp4, FLAT, MONO",
        "dive_360.mp4, EQUIRECT_360, MONO",
        "dive-360.mp4, EQUIRECT_360, MONO",
        "dive 360.mp4, EQUIRECT_360, MONO",
        "DIVE_360.MP4, EQUIRECT_360, MONO",
        "concert_180.mkv, EQUIRECT_180, MONO",
        "concert_180_sbs.mp4, EQUIRECT_180, SIDE_BY_SIDE",
        "concert_180_LR.mp4, EQUIRECT_180, SIDE_BY_SIDE",
        "concert_180x180_3dh.mp4, EQUIRECT_180, SIDE_BY_SIDE",
        "roller_360_tb.mp4, EQUIRECT_360, TOP_BOTTOM",
        "roller_360_OU.mp4, EQUIRECT_360, TOP_BOTTOM",
        "roller_360_3dv.mp4, EQUIRECT_360, TOP_BOTTOM",
        "walk_vr180.mp4, EQUIRECT_180, SIDE_BY_SIDE",
        "walk_vr180_mono.mp4, EQUIRECT_180, MONO",
        "walk_360_mono.mp4, EQUIRECT_360, MONO",
        "film_sbs.mkv, FLAT, SIDE_BY_SIDE",
        "Film (3DH).mkv, FLAT, SIDE_BY_SIDE",
        "film.H-SBS.mkv, FLAT, SIDE_BY_SIDE",
        "film_tb.mkv, FLAT, TOP_BOTTOM",
        "my360video.mp4, FLAT, MONO",
        "clip_360p.mp4, FLAT, MONO",
        "tables_and_tabs.mp4, FLAT, MONO",
        "sbs_360.mp4, EQUIRECT_360, SIDE_BY_SIDE",
        "old_180_then_360.mp4, EQUIRECT_360, MONO",
        "360, EQUIRECT_360, MONO",
    })
    void fileNameConventionsAreWholeTokensIgnoringCase(String name, Projection projection, Stereo stereo) {
        assertEquals(new VrMode(projection, stereo), VrDetector.detect(VrMode.AUTO, VrMode.AUTO, name));
    }

    @ParameterizedTest(name = "person {0}/{1}, side data {2}/{3}, {4} → {5} {6}")
    @CsvSource({
        // the person's word wins over everything
        "FLAT, MONO, EQUIRECT_360, TOP_BOTTOM, trip_180_sbs.mp4, FLAT, MONO",
        // each part on its own: the person sets the stereo, side data the projection
        "AUTO, SIDE_BY_SIDE, EQUIRECT_360, TOP_BOTTOM, trip.mp4, EQUIRECT_360, SIDE_BY_SIDE",
        // side data wins over the name
        "AUTO, AUTO, EQUIRECT_360, AUTO, trip_180_sbs.mp4, EQUIRECT_360, SIDE_BY_SIDE",
        "AUTO, AUTO, AUTO, MONO, trip_180_sbs.mp4, EQUIRECT_180, MONO",
        // the person sets the projection, the name the stereo
        "EQUIRECT_180, AUTO, AUTO, AUTO, trip_tb.mp4, EQUIRECT_180, TOP_BOTTOM",
        "AUTO, AUTO, AUTO, AUTO, trip.mp4, FLAT, MONO",
    })
    void personThenSideDataThenFileNameDecideEachPart(
            Projection personProjection,
            Stereo personStereo,
            Projection dataProjection,
            Stereo dataStereo,
            String name,
            Projection projection,
            Stereo stereo) {
        VrMode detected = VrDetector.detect(
                new VrMode(personProjection, personStereo), new VrMode(dataProjection, dataStereo), name);

        assertEquals(new VrMode(projection, stereo), detected);
    }

    @ParameterizedTest
    @CsvSource({"plain.mp4, AUTO, AUTO", "x_360.mp4, EQUIRECT_360, AUTO", "x_lr.mp4, AUTO, SIDE_BY_SIDE"})
    void fileNameLeavesUnstatedPartsAuto(String name, Projection projection, Stereo stereo) {
        assertEquals(new VrMode(projection, stereo), VrDetector.fromFileName(name));
    }
}
