package org.ova.site;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One video's row of the client-side search index:
 * {@code [page, title, tags, description words, [[seconds, chapter]...], [[seconds, marker]...]]}.
 * Descriptions are cut down to their distinct words (lower case, three letters or more, not already
 * in the title or tags, no stop words), at most {@link #MAX_WORDS_CHARS} characters, to keep the index small.
 */
public final class SearchIndex {

    static final int MAX_WORDS_CHARS = 48;
    /** Words too common to help a search, in the languages ova's users write most. */
    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "with", "that", "this", "from", "are", "was", "were", "has", "have", "had", "not",
            "but", "you", "our", "his", "her", "its", "they", "into", "then", "than", "der", "die", "das", "und", "les",
            "des", "une", "por", "que", "con", "los");

    private SearchIndex() {}

    public static List<Object> row(VideoView video) {
        List<Object> row = new ArrayList<>(6);
        row.add(video.pageUrl());
        row.add(video.title());
        row.add(video.tagText());
        row.add(descriptionWords(video.description(), video.title() + " " + video.tagText()));
        List<List<Object>> chapters = new ArrayList<>();
        for (ChapterView chapter : video.chapters()) {
            chapters.add(List.of(Math.round(chapter.start() * 10) / 10.0, chapter.title()));
        }
        row.add(chapters);
        List<List<Object>> markers = new ArrayList<>();
        for (MarkerView marker : video.markers()) {
            markers.add(List.of(Math.round(marker.at() * 10) / 10.0, marker.label()));
        }
        row.add(markers);
        return row;
    }

    /** The distinct words of {@code description} not already in {@code known}, space separated and cut short. */
    static String descriptionWords(String description, String known) {
        Set<String> skip = new LinkedHashSet<>(words(known));
        StringBuilder out = new StringBuilder();
        for (String word : words(description)) {
            if (word.codePointCount(0, word.length()) < 3 || STOP_WORDS.contains(word) || !skip.add(word)) {
                continue;
            }
            if (out.length() + word.length() + 1 > MAX_WORDS_CHARS) {
                break;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    /** The runs of letters and digits ({@code \p{L}}, {@code \p{N}}) of {@code text}, in lower case. */
    private static List<String> words(String text) {
        // a scan, not a regular expression: splitting every description by Unicode classes was a
        // visible part of a full site render (bench/README.md)
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int codePoint = lower.codePointAt(i);
            if (isWordPart(codePoint)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        return words;
    }

    private static boolean isWordPart(int codePoint) {
        return Character.isLetter(codePoint)
                || switch (Character.getType(codePoint)) {
                    case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
                    default -> false;
                };
    }
}
