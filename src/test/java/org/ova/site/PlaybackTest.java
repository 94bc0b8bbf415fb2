package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.LibraryVideo;
import org.ova.repo.MediaFacts;
import org.ova.repo.PlayableFile;
import org.ova.repo.metadata.VrMode;

/** The page plays the file processing recorded as playable, and only explains when there is none. */
class PlaybackTest {

    private static final LibraryLinks LINKS = new LibraryLinks("../../");

    private static LibraryVideo video(String path, Optional<MediaFacts> media, Optional<PlayableFile> playable) {
        GeneratedMedia generated = new GeneratedMedia(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                playable);
        return SiteFixture.video("id", path, 0, SiteFixture.meta("t", List.of(), 0), media, generated, VrMode.FLAT);
    }

    @Test
    void theRecordedPlayableFileIsLinkedWithItsType() {
        assertEquals(
                new Playback("../../a%20b.mp4", "video/mp4", true, null),
                Playback.of(
                        video("a b.mp4", Optional.empty(), Optional.of(new PlayableFile("a b.mp4", "video/mp4"))),
                        LINKS));
    }

    @Test
    void aRecordedProxyIsPlayedInsteadOfTheOriginal() {
        String proxy = ".ova-repo/media/id/webproxy/proxy.webm";
        assertEquals(
                new Playback("../../.ova-repo/media/id/webproxy/proxy.webm", "video/webm", true, null),
                Playback.of(
                        video(
                                "a.mp4",
                                Optional.of(SiteFixture.facts(1, "mov,mp4,m4a,3gp,3g2,mj2", "h264")),
                                Optional.of(new PlayableFile(proxy, "video/webm"))),
                        LINKS));
    }

    @Test
    void nothingPlayableLinksTheFileForDownloadAndSaysWhatToDo() {
        Playback playback = Playback.of(
                video("old.mkv", Optional.of(SiteFixture.facts(1, "matroska,webm", "hevc")), Optional.empty()), LINKS);
        assertEquals(
                new Playback(
                        "../../old.mkv",
                        "",
                        false,
                        "Browsers cannot play this video (HEVC video in MKV). "
                                + "Set processing.webProxy to always in .ova-repo/config.yaml and run ova build to make a browser "
                                + "copy, or download the file and open it in a desktop player."),
                playback);
    }
}
