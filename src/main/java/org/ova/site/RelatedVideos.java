package org.ova.site;

import java.util.ArrayList;
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
    private static final int SCAN = 200;

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
            int self = video.index();
            int[] best = new int[LIMIT];
            int found = 0;
            for (int candidate : touched) {
                int at = found < LIMIT ? found++ : LIMIT;
                if (at == LIMIT && !better(candidate, best[LIMIT - 1], self, score)) {
                    continue;
                }
                at = Math.min(at, LIMIT - 1);
                while (at > 0 && better(candidate, best[at - 1], self, score)) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = candidate;
            }
            List<VideoView> picked = new ArrayList<>(found);
            for (int i = 0; i < found; i++) {
                picked.add(videos.get(best[i]));
            }
            for (int index : touched) {
                score[index] = 0;
            }
            related.add(List.copyOf(picked));
        }
        return related;
    }

    /** More shared tags first, then closer in library order, then earlier. */
    private static boolean better(int a, int b, int self, int[] score) {
        if (score[a] != score[b]) {
            return score[a] > score[b];
        }
        int da = Math.abs(a - self);
        int db = Math.abs(b - self);
        return da != db ? da < db : a < b;
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
