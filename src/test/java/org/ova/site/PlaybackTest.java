package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                new Playback("../../a%20b.mp4", "video/mp4", true, true, null, ""),
                Playback.of(
                        video("a b.mp4", Optional.empty(), Optional.of(new PlayableFile("a b.mp4", "video/mp4"))),
                        LINKS,
                        ""));
    }

    @Test
    void aRecordedProxyIsPlayedInsteadOfTheOriginal() {
        String proxy = ".ova-repo/media/id/webproxy/proxy.webm";
        assertEquals(
                new Playback("../../.ova-repo/media/id/webproxy/proxy.webm", "video/webm", true, true, null, ""),
                Playback.of(
                        video(
                                "a.mp4",
                                Optional.of(SiteFixture.facts(1, "mov,mp4,m4a,3gp,3g2,mj2", "h264")),
                                Optional.of(new PlayableFile(proxy, "video/webm"))),
                        LINKS,
                        ""));
    }

    @Test
    void nothingPlayableTellsVisitorsToDownloadAndKeepsTheConfigAdviceForTheOwner() {
        Playback playback = Playback.of(
                video("old.mkv", Optional.of(SiteFixture.facts(1, "matroska,webm", "hevc")), Optional.empty()),
                LINKS,
                "");
        assertEquals(
                new Playback(
                        "../../old.mkv",
                        "",
                        false,
                        true,
                        "Browsers cannot play this video (HEVC video in MKV). Download it to watch it in a desktop "
                                + "player.",
                        "Set processing.webProxy to always in .ova-repo/config.yaml and run ova build to make a "
                                + "browser copy."),
                playback);
    }

    @Test
    void aFileTheProbeCouldNotReadGetsNoPlayerEvenWithARecordedPlayableFile() {
        Playback playback = Playback.of(
                video(
                        "clips/empty.mp4",
                        Optional.empty(),
                        Optional.of(new PlayableFile("clips/empty.mp4", "video/mp4"))),
                LINKS,
                "not a video: clips/empty.mp4 is empty (0 bytes)");
        assertFalse(playback.playable());
        assertFalse(playback.readable());
        assertEquals("This file could not be read.", playback.message());
        assertTrue(
                playback.ownerNote().startsWith("not a video: clips/empty.mp4 is empty (0 bytes). Check that"),
                playback.ownerNote());
    }

    @Test
    void aPlayableVideoWhoseProcessingFailedStillPlaysAndTellsTheOwner() {
        Playback playback = Playback.of(
                video(
                        "a.mp4",
                        Optional.of(SiteFixture.facts(1, "mov,mp4,m4a,3gp,3g2,mj2", "h264")),
                        Optional.of(new PlayableFile("a.mp4", "video/mp4"))),
                LINKS,
                "ffmpeg exited with code 1");
        assertTrue(playback.playable());
        assertEquals("Processing failed: ffmpeg exited with code 1. Run ova build to try again.", playback.ownerNote());
    }
}
