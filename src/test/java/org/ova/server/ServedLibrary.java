package org.ova.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.ova.cli.Main;
import org.ova.cli.OvaCli;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.ProcessRecords;
import org.ova.media.pipeline.MediaService;
import org.ova.media.pipeline.Progress;
import org.ova.media.trim.Trimmer;
import org.ova.repo.BuildReport;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryLoader;
import org.ova.repo.config.ConfigFile;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.config.ServerOptions;
import org.ova.repo.scan.IndexResult;
import org.ova.repo.scan.LibraryIndexer;
import org.ova.repo.scan.ScanOptions;

/** A library built with {@code ova build} in a test folder, loaded as {@code ova serve} loads it, and served. */
public final class ServedLibrary {

    private ServedLibrary() {}

    /** Runs {@code ova build DIR} (real ffmpeg) and fails the test when it does not finish cleanly. */
    public static void build(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = new OvaCli(print, print, Main.commands()).run("-q", "build", dir.toString());
        if (code != 0) {
            throw new AssertionError("ova build failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    /** The library as the build left it. */
    public static Library load(Path dir) {
        LibraryLayout layout = new LibraryLayout(dir);
        OvaConfig config = ConfigFile.read(layout.configFile());
        IndexResult index = new LibraryIndexer(ScanOptions.from(config.library())).index(layout);
        BuildReport report = new BuildReport();
        MediaService media = MediaService.open(
                layout, config, Set.of(), Optional.empty(), TestClips::installation, Progress.SILENT, report);
        return new LibraryLoader()
                .load(layout, config, index, media::facts, report)
                .withGenerated(media::generated);
    }

    public static Trimmer trimmer() {
        FfmpegInstallation ffmpeg = TestClips.installation();
        return new Trimmer(ffmpeg, TestClips.capabilities(ffmpeg.ffmpeg()).h264Encoder(), ProcessRecords.NONE);
    }

    /** Server options: {@code host}, a free port, trims on with {@code maxTrimJobs}. */
    public static ServerOptions options(String host, boolean trimApi, int maxTrimJobs) {
        return new ServerOptions(host, 0, "", trimApi, maxTrimJobs, false, 100, true, true);
    }

    public static OvaServer start(Library library, ServerOptions options, Optional<String> token) {
        LiveLibrary served = new LiveLibrary(library);
        return OvaServer.start(
                new ServerSettings(options, token, "test"),
                served,
                Optional.of(trimmer()),
                LiveSiteRefresh.editorOf(served, LiveSiteRefresh.siteOf(library)));
    }
}
