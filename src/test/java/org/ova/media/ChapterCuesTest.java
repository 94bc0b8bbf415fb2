package org.ova.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ova.media.vtt.WebVttCue;
import org.ova.repo.metadata.Chapter;

class ChapterCuesTest {

    @Test
    void eachChapterRunsToTheNextAndTheLastToTheEnd() {
        List<WebVttCue> cues = ChapterCues.of(
                List.of(new Chapter(0, "Intro"), new Chapter(12.5, "Main"), new Chapter(50, "Credits")), 60);

        assertEquals(
                List.of(
                        new WebVttCue(0, 12.5, "Intro"),
                        new WebVttCue(12.5, 50, "Main"),
                        new WebVttCue(50, 60, "Credits")),
                cues);
    }

    @Test
    void firstChapterAfterZeroStartsAtItsTime() {
        assertEquals(List.of(new WebVttCue(5, 10, "Late")), ChapterCues.of(List.of(new Chapter(5, "Late")), 10));
    }

    @Test
    void unsortedChaptersAreSorted() {
        List<WebVttCue> cues = ChapterCues.of(List.of(new Chapter(30, "B"), new Chapter(0, "A")), 40);

        assertEquals(List.of(new WebVttCue(0, 30, "A"), new WebVttCue(30, 40, "B")), cues);
    }

    @Test
    void chaptersAtOrPastTheEndAreDropped() {
        List<WebVttCue> cues =
                ChapterCues.of(List.of(new Chapter(0, "A"), new Chapter(10, "At end"), new Chapter(99, "Past")), 10);

        assertEquals(List.of(new WebVttCue(0, 10, "A")), cues);
    }

    @Test
    void chaptersAtTheSameMillisecondCollapseIntoTheFirstListed() {
        List<WebVttCue> cues = ChapterCues.of(
                List.of(
                        new Chapter(0, "A"),
                        new Chapter(5, "First"),
                        new Chapter(5.0002, "Second"),
                        new Chapter(5, "Third")),
                10);

        assertEquals(List.of(new WebVttCue(0, 5, "A"), new WebVttCue(5, 10, "First")), cues);
    }

    @Test
    void negativeStartCountsAsZero() {
        assertEquals(List.of(new WebVttCue(0, 3, "A")), ChapterCues.of(List.of(new Chapter(-2, "A")), 3));
    }

    @Test
    void unknownDurationGivesNoCues() {
        assertEquals(List.of(), ChapterCues.of(List.of(new Chapter(0, "A")), 0));
    }

    @Test
    void titlesAreEscapedOneLineAndNeverBlank() {
        List<WebVttCue> cues = ChapterCues.of(
                List.of(new Chapter(0, "Q&A <live> -->"), new Chapter(1, " "), new Chapter(2, "two\n\nlines ")), 3);

        assertEquals(
                List.of(
                        new WebVttCue(0, 1, "Q&amp;A &lt;live&gt; --&gt;"),
                        new WebVttCue(1, 2, "Chapter 2"),
                        new WebVttCue(2, 3, "two lines")),
                cues);
    }
}
