package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.LibraryVideo;
import org.ova.repo.MediaFacts;
import org.ova.repo.metadata.VrMode;

class PlaybackTest {

    private static final LibraryLinks LINKS = new LibraryLinks("../../");
    private static final String MP4 = "mov,mp4,m4a,3gp,3g2,mj2";

    private static LibraryVideo video(String path, Optional<MediaFacts> media, GeneratedMedia generated) {
        return SiteFixture.video("id", path, 0, SiteFixture.meta("t", java.util.List.of(), 0), media, generated,
                VrMode.FLAT);
    }

    @Test
    void h264AndAv1InMp4PlayAsTheyAre() {
        assertEquals(new Playback("../../a%20b.mp4", "video/mp4", true, null),
                Playback.of(video("a b.mp4", Optional.of(SiteFixture.facts(1, MP4, "h264")), GeneratedMedia.NONE), LINKS));
        assertEquals(new Playback("../../a.mov", "video/mp4", true, null),
                Playback.of(video("a.mov", Optional.of(SiteFixture.facts(1, MP4, "av1")), GeneratedMedia.NONE), LINKS));
    }

    @Test
    void vp9InWebmPlays() {
        assertEquals(new Playback("../../a.webm", "video/webm", true, null), Playback.of(
                video("a.webm", Optional.of(SiteFixture.facts(1, "matroska,webm", "vp9")), GeneratedMedia.NONE), LINKS));
    }

    @Test
    void anUnprobedVideoIsJudgedByItsExtension() {
        assertEquals(new Playback("../../a.m4v", "video/mp4", true, null),
                Playback.of(video("a.m4v", Optional.empty(), GeneratedMedia.NONE), LINKS));
    }

    @Test
    void hevcWithoutAProxyIsNotPlayableAndSaysWhatToDo() {
        Playback playback = Playback.of(
                video("old.mkv", Optional.of(SiteFixture.facts(1, "matroska,webm", "hevc")), GeneratedMedia.NONE), LINKS);
        assertEquals(new Playback("../../old.mkv", "", false, "Browsers cannot play this video (HEVC video in MKV). "
                + "Set processing.webProxy to always in .ova-repo/config.yaml and run ova build to make a browser "
                + "copy, or download the file and open it in a desktop player."), playback);
    }

    @Test
    void theWebProxyIsUsedWhenTheOriginalCannotPlay() {
        GeneratedMedia proxy = new GeneratedMedia(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(".ova-repo/media/id/proxy.webm"), Optional.empty());
        assertEquals(new Playback("../../.ova-repo/media/id/proxy.webm", "video/webm", true, null),
                Playback.of(video("a.mov", Optional.of(SiteFixture.facts(1, MP4, "hevc")), proxy), LINKS));
    }
}
