package org.ova.media.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.LogCapture;
import org.ova.media.ProbeResult;
import org.ova.repo.Shard;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.VrMode;

class ProcessingStateTest {

    @TempDir
    Path dir;

    private final ProbeResult probe = new ProbeResult(
            Path.of(""),
            61.25,
            "mov,mp4,m4a,3gp,3g2,mj2",
            "h264",
            Optional.of("aac"),
            1920,
            1080,
            90,
            29.97,
            4_000_000,
            List.of(new Chapter(0, "Intro"), new Chapter(30.5, "Main \"part\"")),
            new VrMode(VrMode.Projection.EQUIRECT_180, VrMode.Stereo.SIDE_BY_SIDE),
            2.002);

    private final VideoState done = new VideoState(
            Optional.of(probe),
            Map.of(
                    MediaKind.THUMBNAIL,
                    new StepOutput("method=window-v1 width=640", "thumb.jpg"),
                    MediaKind.PREVIEW,
                    new StepOutput("segments=10", "preview.webm")),
            Optional.empty());

    private Path file() {
        return dir.resolve("processing.json");
    }

    @Test
    void savedStateReadsBackProbeStepsFilesAndFailure() {
        ProcessingState state = ProcessingState.load(file());
        state.put("a", done);
        state.put("b", new VideoState(Optional.empty(), Map.of(), Optional.of("probe: not a video")));
        state.put(
                "c",
                VideoState.NEW.withProbe(new ProbeResult(
                        Path.of(""),
                        1,
                        "avi",
                        "mpeg4",
                        Optional.empty(),
                        2,
                        2,
                        0,
                        0,
                        0,
                        List.of(),
                        new VrMode(VrMode.Projection.AUTO, VrMode.Stereo.AUTO),
                        0)));
        assertTrue(state.save());

        ProcessingState read = ProcessingState.load(file());
        assertEquals(done, read.get("a"));
        assertEquals(state.get("b"), read.get("b"));
        assertEquals(state.get("c"), read.get("c"));
        assertEquals(VideoState.NEW, read.get("unknown"));
    }

    @Test
    void theFileNamesEveryFieldOneVideoPerLine() throws IOException {
        ProcessingState state = ProcessingState.load(file());
        state.put("a", done);
        state.put("b", done);
        state.save();
        List<String> lines = Files.readAllLines(file());
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertEquals("{\"version\":3,\"videos\":{", lines.get(0));
        assertTrue(
                lines.get(1)
                        .startsWith("\"a\":{\"probe\":{\"duration\":61.25,"
                                + "\"container\":\"mov,mp4,m4a,3gp,3g2,mj2\",\"videoCodec\":\"h264\",\"audioCodec\":\"aac\","
                                + "\"width\":1920,\"height\":1080,\"rotation\":90,"),
                lines.get(1));
        assertTrue(lines.get(1).contains("\"chapters\":[{\"start\":0.0,\"title\":\"Intro\"},"), lines.get(1));
        assertTrue(
                lines.get(1)
                        .endsWith(
                                "\"steps\":{\"thumbnail\":{\"key\":\"method=window-v1 width=640\","
                                        + "\"file\":\"thumb.jpg\"},\"preview\":{\"key\":\"segments=10\",\"file\":\"preview.webm\"}}},"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("\"b\":{\"probe\":{") && lines.get(2).endsWith("}}}}}"), lines.get(2));
    }

    @Test
    void unchangedStateIsNotRewrittenAndGoneVideosAreForgotten() {
        ProcessingState state = ProcessingState.load(file());
        state.put("a", VideoState.NEW.withProbe(probe));
        state.put("gone", VideoState.NEW.withProbe(probe));
        state.save();
        ProcessingState read = ProcessingState.load(file());
        read.put("a", VideoState.NEW.withProbe(probe));
        assertFalse(read.save());
        assertEquals(Set.of("gone"), read.retain(Set.of("a")));
        assertTrue(read.save());
        assertEquals(VideoState.NEW, ProcessingState.load(file()).get("gone"));
    }

    @Test
    void recordedVideosSurviveWithoutASaveAndALineCutShortByAKillIsIgnored() throws IOException {
        ProcessingState state = ProcessingState.load(file());
        state.record("a", done);
        state.record("b", done);
        // no save: the process "dies" here, in the middle of writing a third line
        Path journal = dir.resolve("processing-journal.jsonl");
        Files.writeString(journal, "{\"id\":\"c\",\"video\":{\"probe\":{\"dura", StandardOpenOption.APPEND);

        ProcessingState after = ProcessingState.load(file());
        assertEquals(done, after.get("a"));
        assertEquals(done, after.get("b"));
        assertEquals(VideoState.NEW, after.get("c"));
        assertTrue(after.save(), "the replayed journal is folded into the file");
        assertFalse(Files.exists(journal));
        assertEquals(done, ProcessingState.load(file()).get("b"));
    }

    @Test
    void aCorruptFileIsReportedOnceInOneWarningThatSaysWhatHappensNext() throws IOException {
        Files.writeString(file(), "{\"version\":3,\n\"videos\":{\n\"a\":{\"probe\":[1,");
        try (LogCapture log = LogCapture.of(ProcessingState.class)) {
            assertEquals(VideoState.NEW, ProcessingState.load(file()).get("a"));
            assertEquals(
                    List.of("[WARN] " + file() + " is not valid JSON (line 3): every video is processed again."),
                    log.lines());
        }
        Files.writeString(file(), "{\"version\":2,\"videos\":{\"a\":{}}}");
        try (LogCapture log = LogCapture.of(ProcessingState.class)) {
            ProcessingState state = ProcessingState.load(file());
            assertEquals(VideoState.NEW, state.get("a"));
            assertEquals(1, log.lines().size(), log.lines().toString());
            assertTrue(
                    log.lines().get(0).endsWith("every video is processed again."),
                    log.lines().get(0));
            // a build that processes nothing still saves, replacing the file: the warning is given once
            assertTrue(state.save());
            ProcessingState.load(file());
            assertEquals(1, log.lines().size(), log.lines().toString());
        }
    }

    /** The first {@code count} of some made-up ids that belong to {@code shard}. */
    private static List<String> idsOf(Shard shard, int count) {
        return IntStream.range(0, 1000)
                .mapToObj(i -> String.format("%016x", i * 7919L))
                .filter(shard::contains)
                .limit(count)
                .toList();
    }

    @Test
    void aShardReadsTheLibrarysStateButSavesOnlyItsOwnVideosIntoItsOwnFile() throws IOException {
        Shard first = new Shard(1, 2);
        String mine = idsOf(first, 1).get(0);
        String theirs = idsOf(new Shard(2, 2), 1).get(0);
        ProcessingState library = ProcessingState.load(file());
        library.put(mine, done);
        library.put(theirs, done);
        library.save();
        String before = Files.readString(file());

        ProcessingState shard = ProcessingState.loadShard(file(), first);
        assertEquals(done, shard.get(mine), "read from the library's file");
        assertEquals(done, shard.get(theirs));
        VideoState failed = done.withSteps(Map.of(), Optional.of("preview: ffmpeg failed"));
        shard.record(mine, failed);
        shard.put(theirs, VideoState.NEW);
        assertTrue(shard.save());

        assertEquals(before, Files.readString(file()), "the library's file is left alone");
        Path own = dir.resolve("processing.shard-1-of-2.json");
        String saved = Files.readString(own);
        assertTrue(saved.contains(mine) && !saved.contains(theirs), saved);
        assertFalse(Files.exists(dir.resolve("processing.shard-1-of-2-journal.jsonl")), "folded in and emptied");
        assertEquals(failed, ProcessingState.loadShard(file(), first).get(mine));
    }

    @Test
    void aShardWithNothingToDoStillLeavesItsFileSoTheMergeKnowsItRan() {
        ProcessingState.loadShard(file(), new Shard(2, 2)).save();
        assertTrue(Files.exists(dir.resolve("processing.shard-2-of-2.json")));
    }

    @Test
    void theLibrarysLoadFoldsInEveryShardsFileAndJournalThenSavesAndDeletesThem() throws IOException {
        String one = idsOf(new Shard(1, 2), 1).get(0);
        String two = idsOf(new Shard(2, 2), 1).get(0);
        ProcessingState first = ProcessingState.loadShard(file(), new Shard(1, 2));
        first.record(one, done);
        first.save();
        // the second shard was killed: its finished video is only in its journal
        ProcessingState.loadShard(file(), new Shard(2, 2)).record(two, done);
        assertTrue(Files.exists(dir.resolve("processing.shard-2-of-2-journal.jsonl")));

        ProcessingState merged = ProcessingState.load(file());
        assertEquals(done, merged.get(one));
        assertEquals(done, merged.get(two));
        assertFalse(merged.save(), "written already, on a thread of its own: save waits for it");
        assertEquals(
                List.of(new Shard(1, 2), new Shard(2, 2)),
                merged.mergedShards().stream()
                        .sorted(Comparator.comparing(Shard::index))
                        .toList());
        try (var left = Files.list(dir)) {
            assertEquals(
                    List.of("processing.json"),
                    left.map(path -> path.getFileName().toString()).toList());
        }
        assertEquals(done, ProcessingState.load(file()).get(two), "saved at once");
        assertEquals(List.of(), ProcessingState.load(file()).mergedShards());
    }

    @Test
    void aShardKeepsTheStatesOfAnotherShardsVideosItMadeInItsFileAcrossReruns() {
        Shard first = new Shard(1, 2);
        String theirs = idsOf(new Shard(2, 2), 1).get(0);
        ProcessingState shard = ProcessingState.loadShard(file(), first);
        shard.adopt(theirs);
        shard.record(theirs, done);
        // killed before its save: the journal holds the video; the rerun's save must keep it
        ProcessingState rerun = ProcessingState.loadShard(file(), first);
        assertEquals(done, rerun.get(theirs));
        rerun.put(idsOf(first, 1).get(0), done);
        assertTrue(rerun.save());

        assertEquals(done, ProcessingState.loadShard(file(), first).get(theirs));
        ProcessingState merged = ProcessingState.load(file());
        merged.save();
        assertEquals(done, merged.get(theirs), "merged from the helping shard's file");
    }

    @Test
    void aShardLearnsWhatARunningShardRecordedAboutItsOwnVideosWithoutSavingIt() throws IOException {
        String owners = idsOf(new Shard(1, 2), 1).get(0);
        String helpers = idsOf(new Shard(2, 2), 1).get(0);
        ProcessingState owner = ProcessingState.loadShard(file(), new Shard(1, 2));
        owner.record(owners, done);
        owner.adopt(helpers);
        owner.record(helpers, done);
        ProcessingState helper = ProcessingState.loadShard(file(), new Shard(2, 2));

        helper.learnFrom(new Shard(1, 2));

        assertEquals(done, helper.get(owners), "from the owner's journal");
        assertEquals(VideoState.NEW, helper.get(helpers), "only what the owner recorded of its own videos");
        helper.save();
        assertFalse(
                Files.readString(dir.resolve("processing.shard-2-of-2.json")).contains(owners));
    }

    @Test
    void theMergeTakesAVideoMadeByTheShardThatHelpedOverTheOwnersProbeWhicheverFileIsNewer() throws IOException {
        String video = idsOf(new Shard(1, 2), 1).get(0);
        VideoState probed = VideoState.NEW.withProbe(probe);
        ProcessingState helper = ProcessingState.loadShard(file(), new Shard(2, 2));
        helper.adopt(video);
        helper.record(video, done);
        helper.save();
        ProcessingState owner = ProcessingState.loadShard(file(), new Shard(1, 2));
        owner.record(video, probed);
        owner.save();
        Files.setLastModifiedTime(
                dir.resolve("processing.shard-2-of-2.json"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        ProcessingState merged = ProcessingState.load(file());
        merged.save();
        assertEquals(done, merged.get(video));
    }

    @Test
    void aBrokenShardFileIsReportedAndItsVideosAreProcessedAgain() throws IOException {
        Files.writeString(dir.resolve("processing.shard-1-of-2.json"), "{\"version\":3,\"videos\":{\"a\":");
        try (LogCapture log = LogCapture.of(ProcessingState.class)) {
            ProcessingState merged = ProcessingState.load(file());
            assertEquals(VideoState.NEW, merged.get("a"));
            merged.save();
            assertEquals(1, log.lines().size(), log.lines().toString());
            assertTrue(
                    log.lines().get(0).endsWith("the videos of its shard are processed again."),
                    log.lines().get(0));
        }
        assertFalse(Files.exists(dir.resolve("processing.shard-1-of-2.json")), "replaced by the merged file");
    }

    @Test
    void tenThousandVideosLoadFastAndRecordingEachCostsOneAppendedLine() throws IOException {
        ProcessingState state = ProcessingState.load(file());
        long recordStart = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            state.record(String.format("%016x", i), done);
        }
        long recordMillis = (System.nanoTime() - recordStart) / 1_000_000;
        long journalBytes = Files.size(dir.resolve("processing-journal.jsonl"));
        assertTrue(journalBytes < 10_000 * 600L, journalBytes + " bytes of journal");
        state.save();

        ProcessingState.load(file());
        long loadStart = System.nanoTime();
        ProcessingState read = ProcessingState.load(file());
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        assertEquals(done, read.get(String.format("%016x", 9_999)));
        // measured about 40 ms to load and 60 ms to record all; generous bounds for a busy machine
        assertTrue(loadMillis < 1_500, "loading took " + loadMillis + " ms");
        assertTrue(recordMillis < 5_000, "recording took " + recordMillis + " ms");
    }
}
