package org.ova.media.trim;

import java.util.Optional;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.PipedCommand;
import org.ova.media.ffmpeg.ProcessRecords;

/**
 * Starts trims with one ffmpeg: the server streams their output to a browser, {@code ova trim} to a
 * file. How many run at once is the caller's business.
 */
public final class Trimmer {

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

    public FfmpegInstallation ffmpeg() {
        return ffmpeg;
    }
}
