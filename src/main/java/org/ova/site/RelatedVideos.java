package org.ova.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.ova.site.render.internal.PerThreadPool;

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

    private RelatedVideos() {}

    /** For each video of {@code videos} (by index), its related videos. */
    public static List<List<VideoView>> of(List<VideoView> videos) {
        Map<String, List<Integer>> tagLists = new HashMap<>();
        Map<String, List<Integer>> folderLists = new HashMap<>();
        for (VideoView video : videos) {
            for (TagLink tag : video.tags()) {
                tagLists.computeIfAbsent(tag.name(), k -> new ArrayList<>()).add(video.index());
            }
            folderLists.computeIfAbsent(video.folder(), k -> new ArrayList<>()).add(video.index());
        }
        Map<String, int[]> byTag = unboxed(tagLists);
        Map<String, int[]> byFolder = unboxed(folderLists);
        PerThreadPool<Scratch> scratches = new PerThreadPool<>(() -> new Scratch(videos.size()));
        return IntStream.range(0, videos.size())
                .parallel()
                .mapToObj(self -> {
                    Scratch scratch = scratches.borrow();
                    List<VideoView> related = related(videos, self, byTag, byFolder, scratch);
                    scratches.release(scratch);
                    return related;
                })
                .toList();
    }

    /**
     * What {@link #of} gives for {@code videos}, made from {@code before}, its result for the same
     * videos in the same order and folders before some of them changed: {@code changed} maps each old
     * view to its new one (by identity). Only the videos whose
     * suggestions can change are scored again: those near a changed video in the list of a tag it gained
     * or lost (a video looks only {@link #SCAN} places around itself in a list); in the others'
     * suggestions, changed videos are replaced.
     *
     * @param byTag    each tag's videos in {@code videos}, in their order (as the model's tags hold them)
     * @param byFolder the videos directly in each folder ({@code ""} for the library's root), in their order
     */
    static List<List<VideoView>> update(
            List<List<VideoView>> before,
            List<VideoView> videos,
            IdentityHashMap<VideoView, VideoView> changed,
            Map<String, List<VideoView>> byTag,
            Map<String, List<VideoView>> byFolder) {
        Map<String, int[]> tagLists = new HashMap<>();
        Set<Integer> rescored = new HashSet<>();
        changed.forEach((was, now) -> {
            rescored.add(now.index());
            Set<String> gainedOrLost = names(was);
            gainedOrLost.addAll(names(now));
            Set<String> kept = names(was);
            kept.retainAll(names(now));
            gainedOrLost.removeAll(kept);
            for (String tag : gainedOrLost) {
                int[] list = tagLists.computeIfAbsent(tag, name -> indexes(byTag.get(name)));
                int at = Arrays.binarySearch(list, now.index());
                int position = at < 0 ? -at - 1 : at;
                for (int i = Math.max(0, position - SCAN - 2); i < Math.min(list.length, position + SCAN + 3); i++) {
                    rescored.add(list[i]);
                }
            }
        });
        Map<String, int[]> folderLists = new HashMap<>();
        for (int self : rescored) {
            VideoView video = videos.get(self);
            video.tags().forEach(tag -> tagLists.computeIfAbsent(tag.name(), name -> indexes(byTag.get(name))));
            folderLists.computeIfAbsent(video.folder(), folder -> indexes(byFolder.get(folder)));
        }
        Scratch scratch = new Scratch(videos.size());
        List<List<VideoView>> related = new ArrayList<>(before.size());
        for (int self = 0; self < videos.size(); self++) {
            related.add(
                    rescored.contains(self)
                            ? related(videos, self, tagLists, folderLists, scratch)
                            : replaced(before.get(self), changed));
        }
        return List.copyOf(related);
    }

    private static int[] indexes(List<VideoView> videos) {
        return videos == null
                ? new int[0]
                : videos.stream().mapToInt(VideoView::index).toArray();
    }

    private static List<VideoView> related(
            List<VideoView> videos, int self, Map<String, int[]> byTag, Map<String, int[]> byFolder, Scratch scratch) {
        int[] score = scratch.score();
        int[] touched = scratch.touched();
        VideoView video = videos.get(self);
        int count = 0;
        for (TagLink tag : video.tags()) {
            count = mark(byTag.get(tag.name()), self, score, touched, count, 64);
        }
        count = mark(byFolder.get(video.folder()), self, score, touched, count, 1);
        int[] best = new int[LIMIT];
        int found = 0;
        for (int t = 0; t < count; t++) {
            int candidate = touched[t];
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
        for (int t = 0; t < count; t++) {
            score[touched[t]] = 0;
        }
        return List.copyOf(picked);
    }

    private static Set<String> names(VideoView video) {
        Set<String> names = new HashSet<>();
        video.tags().forEach(tag -> names.add(tag.name()));
        return names;
    }

    /** {@code related} with each changed video replaced by its new view. */
    private static List<VideoView> replaced(List<VideoView> related, IdentityHashMap<VideoView, VideoView> changed) {
        List<VideoView> now = null;
        for (int i = 0; i < related.size(); i++) {
            VideoView replacement = changed.get(related.get(i));
            if (replacement != null) {
                if (now == null) {
                    now = new ArrayList<>(related);
                }
                now.set(i, replacement);
            }
        }
        return now == null ? related : List.copyOf(now);
    }

    /** Per thread: a score per video, and which videos were scored (to clear just those after, for the next). */
    @SuppressWarnings("ArrayRecordComponent") // scratch buffers: never compared, hashed or shared
    private record Scratch(int[] score, int[] touched) {
        Scratch(int videos) {
            this(new int[videos], new int[videos]);
        }
    }

    /** The lists as int arrays: the scoring loop below runs millions of times for a large library. */
    private static Map<String, int[]> unboxed(Map<String, List<Integer>> lists) {
        Map<String, int[]> arrays = new HashMap<>();
        lists.forEach((key, list) ->
                arrays.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return arrays;
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
     * Adds {@code weight} to the videos of {@code list} nearest to {@code self} in library order,
     * appending those not scored yet to {@code touched}. Each shared tag weighs more than a shared
     * folder can, so shared tags always rank first.
     *
     * @return the new number of touched videos
     */
    private static int mark(int[] list, int self, int[] score, int[] touched, int count, int weight) {
        if (list == null || list.length < 2) {
            return count;
        }
        int at = Arrays.binarySearch(list, self);
        int from = Math.max(0, at - SCAN / 2);
        int to = Math.min(list.length, from + SCAN);
        for (int i = from; i < to; i++) {
            int other = list[i];
            if (other != self) {
                if (score[other] == 0) {
                    touched[count++] = other;
                }
                score[other] += weight;
            }
        }
        return count;
    }
}
