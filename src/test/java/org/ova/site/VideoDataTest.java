package org.ova.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.site.render.internal.ScriptJson;

class VideoDataTest {

    @TempDir
    Path root;

    @Test
    void inlineDataHasPageRelativeAddressesAndScriptSafeText() {
        SiteModel model = SiteModelBuilder.build(
                SiteFixture.richLibrary(root, ".ova-repo/site"), SiteFixture.NOW, new LibraryLinks("../../"));
        VideoView dome = model.videos().get(5);
        String json = ScriptJson.write(VideoData.of(dome, "../", "WEBVTT\n\n</script>", "video/x.html", null));
        assertEquals(
                "{\"id\":\"aaaaaaaaaaaaaaa6\",\"title\":\"Dome\",\"duration\":20,"
                        + "\"sprites\":{\"vtt\":\"WEBVTT\\n\\n\\u003c/script>\","
                        + "\"base\":\"../../../.ova-repo/media/aaaaaaaaaaaaaaa6/sprites/\"},"
                        + "\"chapters\":[],\"markers\":[],\"playable\":true,\"message\":null,"
                        + "\"prev\":\"../video/x.html\",\"next\":null,\"metadataFile\":\".ova-repo/metadata/VR/dome_180_sbs.mp4.yaml\","
                        + "\"vr\":{\"projection\":\"180\",\"stereo\":\"sbs\",\"page\":\"../vr/aaaaaaaaaaaaaaa6.html\"}}",
                json);
    }

    @Test
    void unplayableVideoSaysWhyAndHasNoSprites() {
        SiteModel model = SiteModelBuilder.build(
                SiteFixture.richLibrary(root, ".ova-repo/site"), SiteFixture.NOW, new LibraryLinks("../../"));
        VideoView old = model.videos().get(2);
        String json = ScriptJson.write(VideoData.of(old, "../", null, null, null));
        assertEquals(
                "{\"id\":\"aaaaaaaaaaaaaaa3\",\"title\":\"Old HEVC\",\"duration\":3725,\"sprites\":null,"
                        + "\"chapters\":[],\"markers\":[],\"playable\":false,\"message\":\""
                        + old.playback().message()
                        + "\",\"prev\":null,\"next\":null,\"metadataFile\":\".ova-repo/metadata/old.mkv.yaml\",\"vr\":null}",
                json);
    }
}
