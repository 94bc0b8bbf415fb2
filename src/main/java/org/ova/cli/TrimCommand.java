package org.ova.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ova.media.MediaException;
import org.ova.media.MediaProbe;
import org.ova.media.ffmpeg.FfmpegCapabilitiesReader;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.media.ffmpeg.FfmpegLocator;
import org.ova.media.ffmpeg.ProcessRecords;
import org.ova.media.trim.TrimFileName;
import org.ova.media.trim.TrimRequest;
import org.ova.media.trim.Trimmer;
import org.ova.repo.LibraryLayout;
import org.ova.repo.metadata.TimeCode;
import org.ova.repo.metadata.TitleFromFileName;

/**
 * {@code ova trim VIDEO START END}: the server's trimmed download as a file, made by the same ffmpeg
 * command. Uses the ffmpeg of the library the video is in, when it is in one.
 */
final class TrimCommand implements Command {

    private static final String EXACT = "exact";
    private static final String OUTPUT = "output";

    @Override
    public String name() {
        return "trim";
    }

    @Override
    public String summary() {
        return "Cut a part of a video into an MP4 (stream copy, or frame-exact with --exact)";
    }

    @Override
    public String synopsis() {
        return "[--exact] [-o FILE] VIDEO START END";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt(EXACT)
                        .desc(
                                "re-encode so the cut is frame-exact (slower); default: copy from the keyframe before START")
                        .get())
                .addOption(Option.builder("o")
                        .longOpt(OUTPUT)
                        .hasArg()
                        .argName("FILE")
                        .desc("where to write it (default: '<title> [01m02s-03m04s].mp4' in the current folder)")
                        .get());
    }

    @Override
    public String examples() {
        return """
                  ova trim talk.mp4 1:02 3:04            copy 1:02 to 3:04 into 'Talk [01m02s-03m04s].mp4'
                  ova trim --exact talk.mp4 62.5 90      frame-exact
                  ova trim -o clip.mp4 talk.mp4 0 1:00:00.5
                """;
    }

    @Override
    public int run(CommandLine line, Console console) {
        List<String> args = line.getArgList();
        if (args.size() != 3) {
            throw new UsageException(name(), "expected VIDEO START END, got " + args.size() + " arguments");
        }
        Path video = Path.of(args.get(0)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(video)) {
            throw new UsageException(name(), "no such video file: " + video);
        }
        double start = time(args.get(1), "START");
        double end = time(args.get(2), "END");
        Logging.configure(console.verbosity(), console.debug(), Optional.empty());
        FfmpegInstallation ffmpeg = ffmpegFor(video);
        TrimRequest request;
        try {
            double duration = new MediaProbe(ffmpeg.ffprobe()).probe(video).durationSeconds();
            request = TrimRequest.checked(video, start, end, line.hasOption(EXACT), duration);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name(), e.getMessage());
        }
        Path out = Optional.ofNullable(line.getOptionValue(OUTPUT))
                .map(Path::of)
                .orElseGet(() -> Path.of(
                        TrimFileName.of(TitleFromFileName.of(video.getFileName().toString()), start, request.end())));
        try {
            new Trimmer(
                            ffmpeg,
                            new FfmpegCapabilitiesReader().read(ffmpeg.ffmpeg()).h264Encoder(),
                            ProcessRecords.NONE)
                    .toFile(request, out);
        } catch (MediaException e) {
            console.err().println("ova: " + e.getMessage());
            return ExitCode.COMPLETED_WITH_FAILURES;
        }
        console.println("Wrote " + out + " (" + TimeCode.format(request.start()) + " to "
                + TimeCode.format(request.end()) + ", " + (request.exact() ? "exact" : "copy") + ").");
        return ExitCode.OK;
    }

    private double time(String text, String what) {
        try {
            return TimeCode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name(), what + ": " + e.getMessage());
        }
    }

    /** The ffmpeg of the library holding {@code video} (its config may name one), else the usual search. */
    private static FfmpegInstallation ffmpegFor(Path video) {
        for (Path dir = video.getParent(); dir != null; dir = dir.getParent()) {
            LibraryLayout layout = new LibraryLayout(dir);
            if (Files.isRegularFile(layout.configFile())) {
                return FfmpegLocator.forLibrary(
                        layout, LibraryOpener.readConfig(layout).ffmpeg());
            }
        }
        return FfmpegLocator.forThisMachine().locate(Optional.empty(), Optional.empty());
    }
}
