package org.ova.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.ova.media.ffmpeg.FfmpegInstallation;

/**
 * Puts the ffmpeg the tests run ({@link TestClips#installation}) first on {@code PATH} for the whole
 * test run, so that {@code ova build}, {@code ova serve} and the child ova processes the CLI, server
 * and browser tests start find it too, as they would find any ffmpeg on {@code PATH}, and not
 * whichever one the machine has (Debian's starts four times slower, linking some 200 libraries).
 * The build names the folder, which it put first on the test JVMs' {@code PATH}, in the system
 * property {@code ova.test.path}; without it (the run with the system's ffmpeg, an IDE) nothing is
 * written. Registered in {@code META-INF/services}.
 */
public final class TestFfmpegOnPath implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String folder = System.getProperty("ova.test.path", "");
        if (folder.isBlank()) {
            return;
        }
        FfmpegInstallation installation = TestClips.installation();
        try {
            Path bin = Files.createDirectories(Path.of(folder));
            wrapper(bin.resolve("ffmpeg"), installation.ffmpeg());
            wrapper(bin.resolve("ffprobe"), installation.ffprobe());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A script that runs {@code program} (a link would not do: the bundled build's scripts find their
     * libraries beside where they were started), made executable before it replaces the last one in
     * one rename: the other test JVM of the run may be starting ffmpeg through it already.
     */
    private static void wrapper(Path script, Path program) throws IOException {
        if (program.toString().contains("'")) {
            throw new IllegalStateException("cannot quote " + program + " in " + script);
        }
        Path temp = Files.createTempFile(script.getParent(), "." + script.getFileName(), ".tmp");
        Files.writeString(temp, "#!/bin/sh\nexec '" + program.toAbsolutePath() + "' \"$@\"\n");
        if (!temp.toFile().setExecutable(true)) {
            throw new IllegalStateException("cannot make " + temp + " executable");
        }
        Files.move(temp, script, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
