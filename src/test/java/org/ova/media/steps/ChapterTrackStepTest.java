package org.ova.media.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips.Spec;
import org.ova.media.pipeline.MediaKind;
import org.ova.media.pipeline.VideoJob;
import org.ova.repo.metadata.Chapter;

class ChapterTrackStepTest {

    @TempDir
    static Path dir;

    static StepFixture fixture;
    static VideoJob withContainerChapters;
    static VideoJob withoutChapters;

    @BeforeAll
    static void makeClips() {
        fixture = new StepFixture();
        withContainerChapters = fixture.job(fixture.clips.clip(
                dir.resolve("chaptered.mkv"),
                Spec.of(3, 160, 90).withChapters(List.of(new Chapter(0, "Opening"), new Chapter(1.5, "Ending")))));
        withoutChapters = fixture.job(fixture.clips.clip(dir.resolve("plain.mp4"), Spec.of(3, 160, 90)));
    }

    @Test
    void personsChaptersBecomeTheTrack() throws Exception {
        ChapterTrackStep step = new ChapterTrackStep(
                job -> List.of(new Chapter(0, "Hello"), new Chapter(1.25, "Tom & Jerry"), new Chapter(2, "Bye")));
        Path outDir = Files.createDirectories(dir.resolve("person"));

        step.run(withContainerChapters, outDir);

        assertEquals("""
                WEBVTT

                00:00:00.000 --> 00:00:01.250
                Hello

                00:00:01.250 --> 00:00:02.000
                Tom &amp; Jerry

                00:00:02.000 --> 00:00:03.000
                Bye
                """, Files.readString(outDir.resolve("chapters.vtt")));
        try (Stream<Path> stream = Files.list(outDir)) {
            assertEquals(List.of(outDir.resolve("chapters.vtt")), stream.toList());
        }
    }

    @Test
    void containerChaptersAreUsedWhenThePersonWroteNone() throws Exception {
        ChapterTrackStep step = new ChapterTrackStep(job -> List.of());
        Path outDir = Files.createDirectories(dir.resolve("container"));

        assertTrue(step.appliesTo(withContainerChapters));
        step.run(withContainerChapters, outDir);

        assertEquals("""
                WEBVTT

                00:00:00.000 --> 00:00:01.500
                Opening

                00:00:01.500 --> 00:00:03.000
                Ending
                """, Files.readString(outDir.resolve("chapters.vtt")));
    }

    @Test
    void videoWithoutChaptersGetsNoTrack() {
        assertFalse(new ChapterTrackStep(job -> List.of()).appliesTo(withoutChapters));
        assertTrue(new ChapterTrackStep(job -> List.of(new Chapter(1, "Mine"))).appliesTo(withoutChapters));
    }

    @Test
    void inputKeyFollowsThePersonsChapters() {
        String before = new ChapterTrackStep(job -> List.of(new Chapter(0, "A"))).inputKey(withoutChapters);
        String after = new ChapterTrackStep(job -> List.of(new Chapter(0, "B"))).inputKey(withoutChapters);

        assertFalse(before.equals(after));
        assertEquals(MediaKind.CHAPTERS, new ChapterTrackStep(job -> List.of()).kind());
    }
}
