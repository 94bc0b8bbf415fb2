package org.ova.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ova.media.vtt.WebVttCue;
import org.ova.repo.metadata.Chapter;

/**
 * Turns chapters into the cues of a WebVTT chapters track: each chapter runs from its start to the
 * next chapter's start, the last one to the end of the video. Chapters are tolerated as people and
 * containers write them: unsorted, repeated at one time, or past the end.
 */
public final class ChapterCues {

    private ChapterCues() {}

    /**
     * The WebVTT cues of a chapter track.
     *
     * @param chapters        in any order; of several at the same millisecond the first listed is kept;
     *                        those at or past the end are dropped; negative starts count as 0
     * @param durationSeconds the video's duration; 0 (unknown) yields no cues
     * @return cues in time order, none of zero length; titles escaped for WebVTT, blank ones named
     *     "Chapter N"
     */
    public static List<WebVttCue> of(List<Chapter> chapters, double durationSeconds) {
        long end = Math.round(durationSeconds * 1000);
        List<Chapter> sorted = chapters.stream()
                .sorted(Comparator.comparingLong(ChapterCues::startMillis)) // stable: first listed stays first
                .toList();
        List<Chapter> kept = new ArrayList<>();
        for (Chapter chapter : sorted) {
            long start = startMillis(chapter);
            boolean repeat = !kept.isEmpty() && startMillis(kept.get(kept.size() - 1)) == start;
            if (start < end && !repeat) {
                kept.add(chapter);
            }
        }
        List<WebVttCue> cues = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            long start = startMillis(kept.get(i));
            long next = i + 1 < kept.size() ? startMillis(kept.get(i + 1)) : end;
            cues.add(new WebVttCue(
                    start / 1000.0, next / 1000.0, title(kept.get(i).title(), i + 1)));
        }
        return cues;
    }

    private static long startMillis(Chapter chapter) {
        return Math.max(0, Math.round(chapter.start() * 1000));
    }

    /** Cue text is markup: {@code &}, {@code <} and {@code >} must be escaped, and it is one line here. */
    static String title(String title, int number) {
        String line = title == null ? "" : title.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            return "Chapter " + number;
        }
        return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
