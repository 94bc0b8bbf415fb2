package org.ova.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ova.site.publish.PublishOptions;

/** The options {@code ova publish} and {@code ova build --publish} share, and their reading. */
final class PublishFlags {

    private static final String VIDEOS = "videos";
    private static final String VIDEO_BASE_URL = "video-base-url";
    private static final String TAG = "tag";
    private static final String PLAYLIST = "playlist";
    private static final String FOLDER = "folder";
    private static final String FORCE = "force";

    private PublishFlags() {}

    static Options addTo(Options options) {
        return options.addOption(Option.builder()
                        .longOpt(VIDEOS)
                        .hasArg()
                        .argName("HOW")
                        .desc("link (hard links, copies on another disk; default), copy, or none")
                        .get())
                .addOption(Option.builder()
                        .longOpt(VIDEO_BASE_URL)
                        .hasArg()
                        .argName("URL")
                        .desc("the videos are hosted at URL (their library paths appended); none are copied")
                        .get())
                .addOption(Option.builder()
                        .longOpt(TAG)
                        .hasArg()
                        .argName("TAG")
                        .desc("publish only videos with this tag (repeatable)")
                        .get())
                .addOption(Option.builder()
                        .longOpt(PLAYLIST)
                        .hasArg()
                        .argName("ID")
                        .desc("publish only the videos of this playlist (repeatable)")
                        .get())
                .addOption(Option.builder()
                        .longOpt(FOLDER)
                        .hasArg()
                        .argName("FOLDER")
                        .desc("publish only the videos under this library folder (repeatable)")
                        .get())
                .addOption(Option.builder()
                        .longOpt(FORCE)
                        .desc("write into a non-empty folder that ova did not make (site.output, or the"
                                + " published copy)")
                        .get());
    }

    /** The publish options of {@code line}, writing to {@code out}. */
    static PublishOptions read(CommandLine line, String command, Path out) {
        PublishOptions.VideoFiles videos;
        String how = line.getOptionValue(VIDEOS, "link");
        try {
            videos = PublishOptions.VideoFiles.valueOf(how.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(command, "--videos " + how + " is not one of: link, copy, none");
        }
        Optional<String> baseUrl = Optional.ofNullable(line.getOptionValue(VIDEO_BASE_URL));
        baseUrl.filter(url -> !url.matches("(?i)[a-z][a-z0-9+.-]*:.*")).ifPresent(url -> {
            throw new UsageException(
                    command, "--video-base-url " + url + " is not an address like https://host/videos/");
        });
        return new PublishOptions(
                out,
                videos,
                baseUrl,
                new PublishOptions.Subset(values(line, TAG), values(line, PLAYLIST), values(line, FOLDER)),
                line.hasOption(FORCE));
    }

    /** The first publish option given on {@code line}, for the error when nothing is published. */
    static Optional<String> firstUsed(CommandLine line) {
        return Stream.of(VIDEOS, VIDEO_BASE_URL, TAG, PLAYLIST, FOLDER)
                .filter(line::hasOption)
                .findFirst();
    }

    /** Whether {@code --force} allows writing into folders ova did not make. */
    static boolean force(CommandLine line) {
        return line.hasOption(FORCE);
    }

    private static Set<String> values(CommandLine line, String option) {
        String[] values = line.getOptionValues(option);
        return values == null ? Set.of() : Set.copyOf(Arrays.asList(values));
    }
}
