package org.ova.media.ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Asks an ffmpeg binary what it can do. Five quick runs (about 20 ms each), so callers read the
 * capabilities once per build and pass the record around.
 */
public final class FfmpegCapabilitiesReader {

    private final CommandRunner runner;

    /** @param limit how long one listing may take before the binary is considered hung */
    public FfmpegCapabilitiesReader(Duration limit) {
        this.runner = new CommandRunner(limit);
    }

    public FfmpegCapabilitiesReader() {
        this(Duration.ofSeconds(20));
    }

    /**
     * Reads what the ffmpeg binary at {@code ffmpeg} can do.
     *
     * @throws FfmpegException when the binary does not start or fails a listing
     */
    public FfmpegCapabilities read(Path ffmpeg) {
        return new FfmpegCapabilities(
                FfmpegListings.version(list(ffmpeg, "-version")),
                FfmpegListings.hwaccels(list(ffmpeg, "-hwaccels")),
                FfmpegListings.codecs(list(ffmpeg, "-encoders")),
                FfmpegListings.codecs(list(ffmpeg, "-decoders")),
                FfmpegListings.filters(list(ffmpeg, "-filters")));
    }

    private String list(Path ffmpeg, String option) {
        CommandRunner.Result result = runner.run(List.of(ffmpeg.toString(), "-hide_banner", option));
        if (result.exitCode() != 0) {
            String output = result.stderr().strip();
            String reason = MissingLibrary.in(output)
                    .map(MissingLibrary::explain)
                    .orElse(ffmpeg + " " + option + " failed (exit code " + result.exitCode() + "): "
                            + output.lines().reduce((a, b) -> b).orElse("no output"));
            throw new FfmpegException(reason);
        }
        return result.stdout();
    }
}
