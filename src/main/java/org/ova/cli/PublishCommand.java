package org.ova.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ova publish [DIR] --to OUT}: builds the library (only what changed), then writes a
 * self-contained copy of its site into OUT for a static host or a USB stick (see
 * {@link org.ova.site.publish.Publisher}). The same as {@code ova build --publish OUT}.
 */
final class PublishCommand implements Command {

    private static final String TO = "to";

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public String summary() {
        return "Build, then copy the site with its media and videos into a folder that works anywhere";
    }

    @Override
    public String synopsis() {
        return "--to OUT [OPTIONS] [DIR]";
    }

    @Override
    public Options options() {
        Options options = new Options()
                .addOption(Option.builder()
                        .longOpt(TO)
                        .hasArg()
                        .argName("OUT")
                        .desc("the folder to publish into (required)")
                        .get());
        return BuildCommand.addWait(PublishFlags.addTo(options));
    }

    @Override
    public String examples() {
        return """
                  ova publish ~/Videos --to /media/usb/videos
                                              the whole library onto a USB stick (videos copied)
                  ova publish ~/Videos --to ~/public-site --video-base-url https://cdn.example.org/videos/
                                              pages and media for a static host; videos hosted elsewhere
                  ova publish ~/Videos --to /media/usb/trip --playlist best-of
                                              only one playlist's videos
                """;
    }

    @Override
    public int run(CommandLine line, Console console) {
        String out = line.getOptionValue(TO);
        if (out == null) {
            throw new UsageException(name(), "name the folder to publish into with --to OUT");
        }
        return BuildCommand.build(
                name(),
                line,
                console,
                Optional.of(PublishFlags.read(line, name(), Path.of(out))),
                Optional.empty(),
                false);
    }
}
