package org.ova.repo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.LibraryLayout;

class SiteAndServerOptionsTest {

    @TempDir
    Path dir;

    @Test
    void relativeSiteOutputLivesInTheLibraryAndAbsoluteOneIsKept() {
        LibraryLayout layout = new LibraryLayout(dir);
        assertEquals(
                dir.resolve(".ova-repo/site").toAbsolutePath(),
                OvaConfig.defaults().site().outputDir(layout));
        Path elsewhere = dir.resolve("www").toAbsolutePath();
        assertEquals(elsewhere, new SiteOptions(elsewhere.toString(), 60, "default", "en").outputDir(layout));
    }

    @Test
    void onlyLoopbackHostsAreUnreachableFromOtherHosts() {
        assertFalse(server("127.0.0.1").reachableFromOtherHosts());
        assertFalse(server("localhost").reachableFromOtherHosts());
        assertFalse(server("::1").reachableFromOtherHosts());
        assertTrue(server("0.0.0.0").reachableFromOtherHosts());
        assertTrue(server("192.168.1.20").reachableFromOtherHosts());
    }

    @Test
    void uploadLimitIsInMebibytes() {
        assertEquals(4096L * 1024 * 1024, OvaConfig.defaults().server().maxUploadBytes());
    }

    @Test
    void emptyFfmpegPathsMeanSearchForTheBinaries() {
        assertEquals(Optional.empty(), OvaConfig.defaults().ffmpeg().ffmpegBinary());
        assertEquals(Optional.of(Path.of("/opt/ffprobe")), new FfmpegOptions("", "/opt/ffprobe").ffprobeBinary());
    }

    private static ServerOptions server(String host) {
        return new ServerOptions(host, 8080, "", true, 2, true, 4096, true, true);
    }
}
