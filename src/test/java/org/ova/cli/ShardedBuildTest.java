package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.FileTrees;
import org.ova.media.TestClips;
import org.ova.media.ffmpeg.FfmpegInstallation;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LockHolder;
import org.ova.repo.Shard;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.scan.Fingerprinter;
import org.ova.repo.scan.LibraryIndexer;
import org.ova.repo.scan.ScanOptions;

/**
 * {@code ova build --shard I/N} on several processes at once, then {@code --render-only}: the same
 * library as one build makes, each video processed once, a killed shard finishing only what it had not,
 * and a missing shard named.
 */
class ShardedBuildTest {

    private static final String BLOCK = "--- Processing video: ";

    @TempDir
    Path dir;

    private final FfmpegInstallation ffmpeg = TestClips.installation();

    /** {@code count} short clips in {@code library} (two with sound, one with chapters), and its config. */
    private List<String> library(Path library, int count) throws IOException {
        TestClips clips = new TestClips(ffmpeg.ffmpeg());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = (i % 4 == 0 ? "trips/" : "") + "clip-" + (char) ('a' + i) + ".mp4";
            TestClips.Spec spec = TestClips.Spec.of(0.4 + i * 0.05, 64, 36);
            Files.createDirectories(library.resolve(name).getParent());
            clips.clip(library.resolve(name), i % 5 == 1 ? spec.withAudio() : spec);
            names.add(name);
        }
        Files.createDirectories(library.resolve(".ova-repo"));
        Files.writeString(
                library.resolve(".ova-repo/config.yaml"),
                "ffmpeg:\n  path: " + ffmpeg.ffmpeg() + "\n  ffprobePath: " + ffmpeg.ffprobe() + "\n");
        return names;
    }

    private static List<String> blocks(String output) {
        return output.lines()
                .filter(line -> line.contains(BLOCK))
                .map(line ->
                        line.substring(line.indexOf(BLOCK) + BLOCK.length()).replace(" ---", ""))
                .sorted()
                .toList();
    }

    private static String id(Path video) {
        try {
            return new Fingerprinter().fingerprint(video).videoId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void threeShardsAtOnceThenRenderOnlyMakeWhatOneBuildMakesProcessingEachVideoOnce() throws Exception {
        Path base = dir.resolve("base");
        List<String> videos = library(base, 12);
        // both copies know the videos since the same moment: their pages show when each was added
        new LibraryIndexer(ScanOptions.from(OvaConfig.defaults().library())).index(new LibraryLayout(base));
        Path single = dir.resolve("single");
        Path sharded = dir.resolve("sharded");
        FileTrees.copy(base, single);
        FileTrees.copy(base, sharded);

        CliRun build = CliRun.of("build", single.toString());
        assertEquals(ExitCode.OK, build.exitCode(), build.out());

        List<ChildBuild> shards = new ArrayList<>();
        for (int index = 1; index <= 3; index++) {
            shards.add(ChildBuild.start("build", "--shard", index + "/3", sharded.toString()));
        }
        List<String> processed = new ArrayList<>();
        for (ChildBuild shard : shards) {
            assertTrue(shard.process().waitFor(120, TimeUnit.SECONDS));
            String output = String.join("\n", shard.output());
            assertEquals(ExitCode.OK, shard.process().exitValue(), output);
            assertFalse(output.contains("Site:"), "a shard renders nothing: " + output);
            processed.addAll(blocks(output));
        }
        assertEquals(
                videos.stream().sorted().toList(), processed.stream().sorted().toList(), "each video once");
        assertFalse(Files.exists(sharded.resolve(".ova-repo/site/index.html")));

        CliRun render = CliRun.of("build", "--render-only", sharded.toString());
        assertEquals(ExitCode.OK, render.exitCode(), render.out());
        assertEquals(List.of(), blocks(render.out()), render.out());
        assertTrue(render.out().contains("Merged the processing states of shards 1/3, 2/3, 3/3.\n"), render.out());
        assertTrue(render.out().contains("Nothing is left to process."), render.out());

        FileTrees.assertSame(single.resolve(".ova-repo/site"), sharded.resolve(".ova-repo/site"));
        FileTrees.assertSame(single.resolve(".ova-repo/media"), sharded.resolve(".ova-repo/media"));
        FileTrees.assertSame(single.resolve(".ova-repo/metadata"), sharded.resolve(".ova-repo/metadata"));
        for (String machine : List.of("processing.json", "catalog.json")) {
            assertEquals(
                    Files.readString(single.resolve(".ova-repo/machine/" + machine)),
                    Files.readString(sharded.resolve(".ova-repo/machine/" + machine)),
                    machine);
        }
        try (Stream<Path> left = Files.list(sharded.resolve(".ova-repo/machine"))) {
            assertEquals(
                    List.of(),
                    left.map(file -> file.getFileName().toString())
                            .filter(name -> name.contains("shard"))
                            .toList(),
                    "the shards' states and locks are folded in and gone");
        }
    }

    @Test
    void aShardDoneWithItsOwnVideosMakesThoseOfAShardStillRunningWhichThenSkipsThem() throws Exception {
        Path library = dir.resolve("library");
        List<String> videos = library(library, 5);
        Path config = library.resolve(".ova-repo/config.yaml");
        String settings = Files.readString(config);
        // shard 1/2 got as far as its metadata (every file there) and runs on, making nothing yet
        Files.writeString(config, settings + "processing:\n  batch: false\n");
        assertEquals(
                ExitCode.OK,
                CliRun.of("build", "--shard", "1/2", library.toString()).exitCode());
        Files.writeString(config, settings);
        List<String> first = shardVideos(library, new Shard(1, 2));
        assertFalse(first.isEmpty() || first.size() == videos.size(), "the five clips fall in both shards");

        Process running = LockHolder.start(library, "1/2");
        CliRun helper;
        try {
            helper = CliRun.of("build", "--shard", "2/2", library.toString());
        } finally {
            running.destroyForcibly().waitFor();
        }
        assertEquals(ExitCode.OK, helper.exitCode(), helper.out());
        assertEquals(videos.stream().sorted().toList(), blocks(helper.out()), "its own and the running shard's");
        assertTrue(
                helper.out()
                        .contains("Shard 1/2 is still running: making those of its videos it has not started, from the"
                                + " end of its list."),
                helper.out());

        CliRun owner = CliRun.of("build", "--shard", "1/2", library.toString());
        assertEquals(ExitCode.OK, owner.exitCode(), owner.out());
        assertEquals(List.of(), blocks(owner.out()), owner.out());
        for (String video : first) {
            assertTrue(owner.out().contains("'" + video + "' was made by another shard."), owner.out());
        }

        CliRun render = CliRun.of("build", "--render-only", library.toString());
        assertEquals(ExitCode.OK, render.exitCode(), render.out());
        assertTrue(render.out().contains("Nothing is left to process."), render.out());
        assertFalse(Files.exists(library.resolve(".ova-repo/machine/shard-claims")), "cleared with the merge");
    }

    @Test
    void aKilledShardRedoesOnlyItsUnfinishedVideosAndNoBuildRunsBesideIt() throws Exception {
        Path library = dir.resolve("library");
        library(library, 6);
        TestClips clips = new TestClips(ffmpeg.ffmpeg());
        clips.clip(library.resolve("z-slow.mp4"), TestClips.Spec.of(40, 64, 36));
        Shard shard = Shard.of(id(library.resolve("z-slow.mp4")), 2);
        SlowSpriteFfmpeg slowFfmpeg =
                SlowSpriteFfmpeg.install(Files.createDirectories(dir.resolve("tools")), library, ffmpeg, "z-slow");

        ChildBuild first = ChildBuild.start("build", "--shard", shard.toString(), library.toString());
        ProcessHandle slow = slowFfmpeg.awaitRunning(
                first, output -> output.stream().anyMatch(line -> line.contains("successfully added")));
        CliRun beside = CliRun.of("build", library.toString());
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, beside.exitCode());
        assertTrue(
                beside.err()
                        .contains("is in use by ova shards (pid "
                                + first.process().pid()),
                beside.err());
        first.kill();
        List<String> finished = blocks(String.join("\n", first.output()));

        slowFfmpeg.makeFast();
        CliRun rerun = CliRun.of("build", "--shard", shard.toString(), library.toString());
        slow.onExit().get(10, TimeUnit.SECONDS);
        assertEquals(ExitCode.OK, rerun.exitCode(), rerun.out());
        assertTrue(rerun.out().contains("Took over the shard's lock of an ova that ended"), rerun.out());
        List<String> redone = blocks(rerun.out());
        List<String> mine = shardVideos(library, shard);
        assertTrue(redone.contains("z-slow.mp4"), rerun.out());
        assertFalse(finished.isEmpty(), first.output().toString());
        assertTrue(finished.stream().noneMatch(redone::contains), finished + " done again: " + redone);
        assertEquals(
                mine, Stream.concat(finished.stream(), redone.stream()).sorted().toList());
        try (Stream<Path> staging = Files.walk(library.resolve(".ova-repo/staging"))) {
            assertEquals(List.of(library.resolve(".ova-repo/staging")), staging.toList());
        }

        Shard other = new Shard(3 - shard.index(), 2);
        assertEquals(
                ExitCode.OK,
                CliRun.of("build", "--shard", other.toString(), library.toString())
                        .exitCode());
        CliRun render = CliRun.of("build", "--render-only", library.toString());
        assertEquals(ExitCode.OK, render.exitCode(), render.out());
        assertTrue(render.out().contains("Merged the processing states of shards "), render.out());
        assertEquals(List.of(), blocks(render.out()), render.out());
    }

    /** The videos of {@code library} in {@code shard}, by path. */
    private static List<String> shardVideos(Path library, Shard shard) throws IOException {
        try (Stream<Path> files = Files.walk(library)) {
            return files.filter(file -> file.toString().endsWith(".mp4"))
                    .filter(file -> !file.startsWith(library.resolve(".ova-repo")))
                    .filter(file -> shard.contains(id(file)))
                    .map(file -> library.relativize(file).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void renderOnlyWithAShardMissingNamesItsVideosAndWhatToRunAndExitsOne() throws Exception {
        Path library = dir.resolve("library");
        library(library, 6);
        for (String shard : List.of("1/3", "3/3")) {
            CliRun run = CliRun.of("build", "--shard", shard, library.toString());
            assertEquals(ExitCode.OK, run.exitCode(), run.out());
        }
        CliRun doctor = CliRun.of("doctor", library.toString());
        assertTrue(
                doctor.out().contains("1/3, 3/3 left their states; 'ova build --render-only' merges them"),
                doctor.out());
        CliRun render = CliRun.of("build", "--render-only", library.toString());
        assertEquals(ExitCode.COMPLETED_WITH_FAILURES, render.exitCode(), render.out());
        List<String> missing = shardVideos(library, new Shard(2, 3));
        assertFalse(missing.isEmpty(), "the six clips spread over the three shards");
        for (String video : missing) {
            assertTrue(
                    render.out()
                            .contains("[process] " + video + ": not processed: it belongs to shard 2/3, which left no"
                                    + " state; run 'ova build --shard 2/3', then --render-only again"),
                    render.out());
        }
        assertTrue(render.out().contains("Build finished with " + missing.size() + " problem"), render.out());
        assertTrue(Files.exists(library.resolve(".ova-repo/site/index.html")), "the others are on the site");

        CliRun last = CliRun.of("build", "--shard", "2/3", library.toString());
        assertEquals(ExitCode.OK, last.exitCode(), last.out());
        assertEquals(missing, blocks(last.out()));
        assertEquals(
                ExitCode.OK,
                CliRun.of("build", "--render-only", library.toString()).exitCode());
    }

    @Test
    void aShardRefusesToRenderOrPublishAndAWrongShardIsAUsageError() {
        String library = dir.toString();
        CliRun both = CliRun.of("build", "--shard", "1/2", "--render-only", library);
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, both.exitCode());
        assertTrue(both.err().contains("--shard renders nothing: leave out --render-only"), both.err());
        CliRun wrong = CliRun.of("build", "--shard", "3/2", library);
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, wrong.exitCode());
        assertTrue(wrong.err().contains("--shard: shard 3/2 does not exist"), wrong.err());
    }
}
