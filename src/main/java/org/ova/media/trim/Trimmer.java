package org.ova.media.trim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.ova.media.MediaException;
import org.ova.media.ffmpeg.CommandRunner;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.PipedCommand;
import org.ova.media.ffmpeg.ProcessRecords;
import org.ova.repo.AtomicFiles;

/**
 * Starts trims with one ffmpeg: the server streams their output to a browser, {@code ova trim} to a
 * file. How many run at once is the caller's business.
 */
public final class Trimmer {

    /** Longest one cut to a file may run (an exact cut of a long film). */
    private static final Duration LIMIT = Duration.ofHours(6);

    private final FfmpegInstallation ffmpeg;
    private final Optional<String> h264Encoder;
    private final ProcessRecords records;

    /**
     * @param h264Encoder the encoder exact cuts use, when this ffmpeg has one
     * @param records     where running ffmpegs are written down, so a killed ova's can be stopped
     */
    public Trimmer(FfmpegInstallation ffmpeg, Optional<String> h264Encoder, ProcessRecords records) {
        this.ffmpeg = ffmpeg;
        this.h264Encoder = h264Encoder;
        this.records = records;
    }

    /** Starts ffmpeg writing the cut to its standard output; close the result to stop it. */
    public PipedCommand stream(TrimRequest request) {
        return PipedCommand.start(TrimCommand.arguments(ffmpeg.ffmpeg(), request, h264Encoder, "pipe:1"), records);
    }

    /**
     * Writes the cut to {@code out} atomically: into a temporary file beside it, moved into place once
     * ffmpeg succeeded, so a failed or killed trim leaves no half file under the name.
     *
     * @throws MediaException with ffmpeg's message when the cut fails
     */
    public void toFile(TrimRequest request, Path out) {
        Path temp;
        try {
            temp = AtomicFiles.stage(out, new byte[0]);
        } catch (IOException e) {
            throw new MediaException(out, "cannot write the trimmed file: " + e.getMessage(), e);
        }
        try {
            CommandRunner.Result result = new CommandRunner(LIMIT, records)
                    .run(TrimCommand.arguments(ffmpeg.ffmpeg(), request, h264Encoder, temp.toString()));
            if (result.exitCode() != 0) {
                throw new MediaException(
                        request.video(),
                        "ffmpeg could not cut it (exit " + result.exitCode() + "): "
                                + result.stderr().strip());
            }
            AtomicFiles.commit(temp, out);
        } catch (IOException e) {
            throw new MediaException(out, "cannot write the trimmed file: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a leftover temp file is removed by the next build's clean-up
            }
        }
    }
}
