package org.ova.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.ffmpeg.FfmpegInstallation.Source;

class FfmpegLocatorTest {

    @TempDir
    Path dir;

    /** A bundled build that fails if asked: proves the locator never got that far. */
    private BundledFfmpeg noBundle() {
        return new BundledFfmpeg(dir.resolve("cache"), getClass().getClassLoader(), "plan9-mips");
    }

    private static Path script(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.writeString(file, "#!/bin/sh\necho fake\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void configuredPathWinsOverPath() throws Exception {
        Path configured = script(dir.resolve("opt"), "ffmpeg");
        Path configuredProbe = script(dir.resolve("opt"), "ffprobe");
        script(dir.resolve("bin"), "ffmpeg");
        script(dir.resolve("bin"), "ffprobe");
        FfmpegLocator locator =
                new FfmpegLocator(Map.of("PATH", dir.resolve("bin").toString()), noBundle());

        FfmpegInstallation found = locator.locate(Optional.of(configured), Optional.empty());

        assertEquals(
                new FfmpegInstallation(
                        configured,
                        configuredProbe,
                        Source.CONFIGURED,
                        "ffmpeg from ffmpeg.path: " + configured + "; ffprobe beside it: " + configuredProbe),
                found);
    }

    @Test
    void pathWinsOverTheBundledBuildAndSkipsFoldersWithoutFfmpeg() throws Exception {
        Path ffmpeg = script(dir.resolve("bin"), "ffmpeg");
        Path ffprobe = script(dir.resolve("bin"), "ffprobe");
        Files.createDirectories(dir.resolve("empty"));
        String path = dir.resolve("empty") + ":" + dir.resolve("missing") + "::" + dir.resolve("bin");
        FfmpegLocator locator = new FfmpegLocator(Map.of("PATH", path), noBundle());

        FfmpegInstallation found = locator.locate(Optional.empty(), Optional.empty());

        assertEquals(new FfmpegInstallation(ffmpeg, ffprobe, Source.PATH, "ffmpeg found on PATH: " + ffmpeg), found);
    }

    @Test
    void nonExecutableFileOnPathIsSkipped() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/ffmpeg"), "not a program");
        Path ffmpeg = script(dir.resolve("bin"), "ffmpeg");
        script(dir.resolve("bin"), "ffprobe");
        String path = dir.resolve("docs") + ":" + dir.resolve("bin");

        FfmpegInstallation found =
                new FfmpegLocator(Map.of("PATH", path), noBundle()).locate(Optional.empty(), Optional.empty());

        assertEquals(ffmpeg, found.ffmpeg());
    }

    @Test
    void bundledBuildIsUsedWhenNothingElseIsFound() {
        Map<String, String> env = Map.of("PATH", dir.toString(), "HOME", System.getProperty("user.home"));
        FfmpegLocator locator = new FfmpegLocator(env, BundledFfmpeg.inUserCache(System.getenv()));

        FfmpegInstallation found = locator.locate(Optional.empty(), Optional.empty());

        assertEquals(Source.BUNDLED, found.source());
        assertEquals(found.ffmpeg().resolveSibling("ffprobe"), found.ffprobe());
        assertTrue(found.why().startsWith("bundled org.bytedeco:ffmpeg 7.1.1-1.5.12, extracted to "), found.why());
        assertTrue(Files.isExecutable(found.ffmpeg()));
    }

    @Test
    void anFfmpegOnPathOlderThanTheMinimumIsPassedOverForTheBundledBuildWithItsFfprobe() throws Exception {
        Path old = script(dir.resolve("bin"), "ffmpeg");
        script(dir.resolve("bin"), "ffprobe");
        Map<String, String> env =
                Map.of("PATH", dir.resolve("bin").toString(), "HOME", System.getProperty("user.home"));
        FfmpegLocator locator = new FfmpegLocator(env, BundledFfmpeg.inUserCache(System.getenv()));

        FfmpegInstallation found = locator.locate(
                Optional.empty(),
                Optional.empty(),
                ffmpeg -> ffmpeg.equals(old) ? Optional.of("4.2.7") : Optional.empty());

        assertEquals(Source.BUNDLED, found.source());
        assertEquals(found.ffmpeg().resolveSibling("ffprobe"), found.ffprobe());
        assertTrue(
                found.why().startsWith("ffmpeg 4.2.7 on PATH (" + old + ") is older than 4.4, so bundled org.bytedeco"),
                found.why());
    }

    @Test
    void aConfiguredFfmpegIsTakenWhateverItsVersion() throws Exception {
        Path configured = script(dir.resolve("opt"), "ffmpeg");
        script(dir.resolve("opt"), "ffprobe");
        FfmpegLocator locator = new FfmpegLocator(Map.of("PATH", ""), noBundle());

        FfmpegInstallation found =
                locator.locate(Optional.of(configured), Optional.empty(), ffmpeg -> Optional.of("4.2.7"));

        assertEquals(Source.CONFIGURED, found.source());
        assertEquals(configured, found.ffmpeg());
    }

    @Test
    void missingConfiguredFfmpegNamesTheKeyAndTheFix() {
        Path missing = dir.resolve("nowhere/ffmpeg");
        FfmpegLocator locator = new FfmpegLocator(Map.of("PATH", ""), noBundle());

        FfmpegException e =
                assertThrows(FfmpegException.class, () -> locator.locate(Optional.of(missing), Optional.empty()));

        assertEquals(
                "ffmpeg.path in .ova-repo/config.yaml is " + missing + ", which does not exist: fix the path,"
                        + " or remove the key to use ffmpeg from PATH",
                e.getMessage());
    }

    @Test
    void nonExecutableConfiguredFfprobeNamesItsKey() throws Exception {
        Path ffmpeg = script(dir.resolve("opt"), "ffmpeg");
        Path probe = Files.writeString(dir.resolve("opt/ffprobe"), "text");
        FfmpegLocator locator = new FfmpegLocator(Map.of("PATH", ""), noBundle());

        FfmpegException e =
                assertThrows(FfmpegException.class, () -> locator.locate(Optional.of(ffmpeg), Optional.of(probe)));

        assertEquals(
                "ffmpeg.ffprobePath in .ova-repo/config.yaml is " + probe + ", which is not executable:"
                        + " make it executable (chmod +x), or remove the key to use ffprobe from PATH",
                e.getMessage());
    }

    @Test
    void configuredFolderAsksForTheExecutableInside() {
        FfmpegLocator locator = new FfmpegLocator(Map.of("PATH", ""), noBundle());

        FfmpegException e =
                assertThrows(FfmpegException.class, () -> locator.locate(Optional.of(dir), Optional.empty()));

        assertEquals(
                "ffmpeg.path in .ova-repo/config.yaml is " + dir + ", a folder: point it at the ffmpeg"
                        + " executable inside it, or remove the key to use ffmpeg from PATH",
                e.getMessage());
    }

    @Test
    void configuredFfprobeIsUsedWithFfmpegFromPath() throws Exception {
        Path ffmpeg = script(dir.resolve("bin"), "ffmpeg");
        Path probe = script(dir.resolve("tools"), "my-ffprobe");
        FfmpegLocator locator =
                new FfmpegLocator(Map.of("PATH", dir.resolve("bin").toString()), noBundle());

        FfmpegInstallation found = locator.locate(Optional.empty(), Optional.of(probe));

        assertEquals(
                new FfmpegInstallation(
                        ffmpeg,
                        probe,
                        Source.PATH,
                        "ffmpeg found on PATH: " + ffmpeg + "; ffprobe from ffmpeg.ffprobePath: " + probe),
                found);
    }
}
