package org.ova.media.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes an extracted bundled executable start. The jar ships some libraries only under their
 * unversioned name ({@code libva.so}) while the binaries ask for the soname ({@code libva.so.2});
 * this runs {@code -version}, and for each library the loader reports missing that the folder can
 * provide it adds the soname link and tries again. A library the folder cannot provide (a system
 * one such as {@code libpulse.so.0}) becomes an {@link FfmpegException} that says how to fix it.
 */
final class SonameLinker {

    /** More than the bundle has missing links; a bound so a strange loader cannot loop forever. */
    private static final int MAX_LINKS = 16;

    private final CommandRunner runner;

    SonameLinker(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * Runs {@code executable -version} until it starts, linking missing sonames in {@code libDir}.
     *
     * @return the sonames that were linked, in order
     */
    List<String> makeStartable(Path executable, Path libDir) {
        List<String> linked = new ArrayList<>();
        for (int attempt = 0; attempt <= MAX_LINKS; attempt++) {
            CommandRunner.Result result = runner.run(List.of(executable.toString(), "-hide_banner", "-version"));
            if (result.exitCode() == 0) {
                return linked;
            }
            String output = result.stderr() + result.stdout();
            String library = MissingLibrary.in(output)
                    .orElseThrow(() -> new FfmpegException(
                            "the bundled " + executable.getFileName() + " cannot start (exit code " + result.exitCode()
                                    + "): " + firstLine(output) + " — install ffmpeg from your package manager,"
                                    + " or set ffmpeg.path in .ova-repo/config.yaml"));
            Path link = libDir.resolve(library);
            Optional<String> target =
                    MissingLibrary.unversioned(library).filter(name -> Files.isRegularFile(libDir.resolve(name)));
            if (target.isEmpty() || Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                throw new FfmpegException(MissingLibrary.explain(library));
            }
            try {
                Files.createSymbolicLink(link, Path.of(target.get()));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot link " + link + " to " + target.get() + ": " + e.getMessage(), e);
            }
            linked.add(library);
        }
        throw new FfmpegException("the bundled " + executable.getFileName() + " still cannot start after linking "
                + linked + " — install ffmpeg from your package manager, or set ffmpeg.path in .ova-repo/config.yaml");
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }
}
