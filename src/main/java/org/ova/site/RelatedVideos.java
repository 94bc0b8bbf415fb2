package org.ova.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Videos to suggest beside one video: those sharing the most tags first, then others from the same
 * folder, then by closeness in the library order; never the video itself. Works from per-tag and
 * per-folder lists, so a library of thousands of videos is not compared pair by pair.
 */
public final class RelatedVideos {

    /** Suggestions per video. */
    public static final int LIMIT = 8;
    /** How far into one tag's or folder's list to look; common tags say little anyway. */
    private static final int SCAN = 400;

    private RelatedVideos() {
    }

    /** For each video of {@code videos} (by index), its related videos. */
    public static List<List<VideoView>> of(List<VideoView> videos) {
        Map<String, List<Integer>> byTag = new HashMap<>();
        Map<String, List<Integer>> byFolder = new HashMap<>();
        for (VideoView video : videos) {
            for (TagLink tag : video.tags()) {
                byTag.computeIfAbsent(tag.name(), k -> new ArrayList<>()).add(video.index());
            }
            byFolder.computeIfAbsent(video.folder(), k -> new ArrayList<>()).add(video.index());
        }
        int[] score = new int[videos.size()];
        List<List<VideoView>> related = new ArrayList<>(videos.size());
        for (VideoView video : videos) {
            List<Integer> touched = new ArrayList<>();
            for (TagLink tag : video.tags()) {
                mark(byTag.get(tag.name()), video.index(), score, touched, 64);
            }
            mark(byFolder.get(video.folder()), video.index(), score, touched, 1);
            Integer[] candidates = touched.toArray(new Integer[0]);
            int self = video.index();
            Arrays.sort(candidates, (a, b) -> score[a] != score[b] ? Integer.compare(score[b], score[a])
                    : Integer.compare(Math.abs(a - self), Math.abs(b - self)) != 0
                    ? Integer.compare(Math.abs(a - self), Math.abs(b - self)) : Integer.compare(a, b));
            List<VideoView> picked = new ArrayList<>(LIMIT);
            for (int i = 0; i < candidates.length && picked.size() < LIMIT; i++) {
                picked.add(videos.get(candidates[i]));
            }
            for (int index : touched) {
                score[index] = 0;
            }
            related.add(List.copyOf(picked));
        }
        return related;
    }

    /**
     * Adds {@code weight} to the videos of {@code list} nearest to {@code self} in library order.
     * Each shared tag weighs more than a shared folder can, so shared tags always rank first.
     */
    private static void mark(List<Integer> list, int self, int[] score, List<Integer> touched, int weight) {
        if (list == null || list.size() < 2) {
            return;
        }
        int at = java.util.Collections.binarySearch(list, self);
        int from = Math.max(0, at - SCAN / 2);
        int to = Math.min(list.size(), from + SCAN);
        for (int i = from; i < to; i++) {
            int other = list.get(i);
            if (other != self) {
                if (score[other] == 0) {
                    touched.add(other);
                }
                score[other] += weight;
            }
        }
    }
}
