package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.repo.AtomicFiles;
import org.ova.site.LinkChecker;

/**
 * {@code ova build --publish} killed with {@code kill -9} again and again, each time at the start of a
 * later phase: while new metadata files are written, in the middle of processing, while the site is
 * rendered and while it is published. Each build takes over what the killed one left without redoing
 * a finished video, and the last one finishes the job, with no ffmpeg left running: every video has its page in the site and in the published copy, no link is
 * broken, nothing half-written or temporary is left, and the person's own metadata file keeps its
 * comment.
 */
class BuildKillMomentsTest {

    private static final String HAND_WRITTEN = "# my notes: keep this line\ntitle: Alpha by hand\ntags: [kept]\n";

    @TempDir
    Path library;

    @TempDir
    Path published;

    /** Printed as each phase begins; the build is killed as soon as it shows one. */
    private static final List<String> MOMENTS = List.of(
            "Found 3 videos.", // metadata files are being created
            "Thumbnail generated for 'b.mp4'", // b is half processed
            "Video 'c.mp4' successfully added", // the site is being rendered
            "Site: "); // the site is being published

    @Test
    void buildsKilledAtEachPhaseLeaveNothingTheNextBuildCannotFinish() throws Exception {
        FfmpegInstallation ffmpeg = TestClips.installation();
        TestClips clips = new TestClips(ffmpeg.ffmpeg());
        // lengths differ so the three are not duplicates of each other
        clips.clip(library.resolve("a.mp4"), TestClips.Spec.of(0.5, 64, 36));
        clips.clip(library.resolve("b.mp4"), TestClips.Spec.of(0.6, 64, 36));
        clips.clip(library.resolve("c.mp4"), TestClips.Spec.of(0.7, 64, 36));
        Files.createDirectories(library.resolve(".ova-repo/metadata"));
        Files.writeString(library.resolve(".ova-repo/metadata/a.mp4.yaml"), HAND_WRITTEN);
        Files.writeString(
                library.resolve(".ova-repo/config.yaml"),
                "ffmpeg:\n  path: " + ffmpeg.ffmpeg() + "\n  ffprobePath: " + ffmpeg.ffprobe()
                        + "\nprocessing:\n  parallel: 1\n");

        Set<String> finished = new HashSet<>();
        for (String moment : MOMENTS) {
            ChildBuild killed = ChildBuild.start("build", library.toString(), "--publish", published.toString());
            killed.awaitLine(line -> line.contains(moment));
            killed.kill();
            assertEquals(Set.of(), redone(processed(killed.output()), finished), "finished videos redone");
            finished.addAll(added(killed.output()));
        }

        CliRun rerun = CliRun.of("build", library.toString(), "--publish", published.toString());
        assertEquals(ExitCode.OK, rerun.exitCode(), rerun.out() + rerun.err());
        List<String> lines = rerun.out().lines().toList();
        assertEquals(Set.of(), redone(processed(lines), finished), "finished videos redone");
        assertEquals(
                List.of(),
                ProcessHandle.allProcesses()
                        .filter(process ->
                                process.info().commandLine().orElse("").contains(library.toString()))
                        .toList(),
                "no ffmpeg left running");
        Path site = library.resolve(".ova-repo/site");
        assertEquals(3, filesIn(site.resolve("video")).size(), "a page for each video in the site");
        assertEquals(3, filesIn(published.resolve("video")).size(), "and in the published copy");
        assertEquals(List.of(), LinkChecker.check(site).broken());
        assertEquals(List.of(), LinkChecker.checkSelfContained(published).broken());
        assertEquals(3, filesIn(library.resolve(".ova-repo/metadata")).size());
        assertTrue(
                Files.readString(library.resolve(".ova-repo/metadata/a.mp4.yaml"))
                        .startsWith(HAND_WRITTEN),
                "the hand-written metadata file keeps its comment and values");
        assertEquals(List.of(), leftovers(library));
        assertEquals(List.of(), leftovers(published));
    }

    private static Set<String> redone(Set<String> processed, Set<String> finished) {
        Set<String> both = new HashSet<>(processed);
        both.retainAll(finished);
        return both;
    }

    /** The videos a build began processing. */
    private static Set<String> processed(List<String> output) {
        return videosIn(output, "--- Processing video: (.+) ---");
    }

    /** The videos a build finished processing. */
    private static Set<String> added(List<String> output) {
        return videosIn(output, ".*Video '(.+)' successfully added.*");
    }

    private static Set<String> videosIn(List<String> output, String pattern) {
        Pattern line = Pattern.compile(pattern);
        return output.stream()
                .map(line::matcher)
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .collect(Collectors.toSet());
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Temporary and staged files nobody will finish: what a killed process leaves if not cleaned up. */
    private static List<Path> leftovers(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> AtomicFiles.isTempFile(path)
                            || (path.toString().contains("/.ova-repo/staging/") && Files.isRegularFile(path)))
                    .toList();
        }
    }
}
