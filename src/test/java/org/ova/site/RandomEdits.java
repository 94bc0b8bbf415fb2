package org.ova.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.Marker;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;

/**
 * Random edits of videos' metadata as the server makes them (titles, ratings, tags, descriptions,
 * chapters, markers, now and then a draft or a new tag), from a fixed seed so a failure can be replayed.
 */
final class RandomEdits {

    private static final String[] TITLES = {"Alpha", "zeta", "Beach <day>", "mid", "Ärger", "0 first", "Zulu 9"};
    private static final String[] WORDS = {"sand", "wave", "night", "city", "train", "piano", "summer"};

    private final Random random;
    private final List<String> tags;

    /** @param tags the tag names edits choose from */
    RandomEdits(long seed, List<String> tags) {
        this.random = new Random(seed);
        this.tags = List.copyOf(tags);
    }

    /** {@code base} and {@code count} visible videos in folders, most with some of {@code tags}. */
    static Library library(Library base, int count, List<String> tags) {
        Random random = new Random(count);
        List<LibraryVideo> videos = new ArrayList<>(base.videos());
        for (int i = 0; i < count; i++) {
            String id = String.format("b%015x", i);
            // every third video alone in its folder and untagged: nothing relates it to its neighbours,
            // so their pages change with it only through what they show of it as a neighbour
            boolean alone = i % 3 == 0;
            String path = alone ? "alone-" + i + "/video " + i + ".mp4" : "folder-" + i % 5 + "/video " + i + ".mp4";
            List<String> picked = new ArrayList<>();
            for (String tag : tags) {
                if (!alone && random.nextInt(3) > 0) {
                    picked.add(tag);
                }
            }
            VideoMetadata meta = new VideoMetadata(
                    TITLES[random.nextInt(TITLES.length)] + " " + i,
                    WORDS[i % WORDS.length] + " and " + WORDS[(i * 3) % WORDS.length],
                    picked,
                    i % 6,
                    List.of(),
                    List.of(),
                    VrMode.AUTO,
                    false);
            videos.add(SiteFixture.video(
                    id,
                    path,
                    i % 40,
                    meta,
                    Optional.of(SiteFixture.facts(60 + i % 300, "mov,mp4,m4a,3gp,3g2,mj2", "h264")),
                    SiteFixture.generated(id, path),
                    VrMode.FLAT));
        }
        return new Library(base.layout(), base.config(), videos, base.playlists(), base.duplicates());
    }

    /** {@code library} with one or two of its videos edited; {@code rare} allows drafts and new tags. */
    Library next(Library library, boolean rare, StringBuilder log) {
        List<LibraryVideo> videos = new ArrayList<>(library.videos());
        int edited = 1 + random.nextInt(2);
        for (int e = 0; e < edited; e++) {
            int index = random.nextInt(videos.size());
            LibraryVideo video = videos.get(index);
            VideoMetadata changed = change(video.metadata(), rare);
            log.append(video.id()).append(" -> ").append(changed).append('\n');
            videos.set(index, video.withMetadata(changed));
        }
        return new Library(library.layout(), library.config(), videos, library.playlists(), library.duplicates());
    }

    private VideoMetadata change(VideoMetadata m, boolean rare) {
        String title = m.title();
        String description = m.description();
        List<String> tagList = m.tags();
        int rating = m.rating();
        List<Chapter> chapters = m.chapters();
        List<Marker> markers = m.markers();
        boolean draft = m.draft();
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            switch (random.nextInt(rare ? 7 : 6)) {
                case 0 -> title = TITLES[random.nextInt(TITLES.length)] + " " + random.nextInt(100);
                case 1 -> rating = random.nextInt(6);
                case 2 -> {
                    List<String> picked = new ArrayList<>();
                    for (String tag : tags) {
                        if (random.nextBoolean()) {
                            picked.add(tag);
                        }
                    }
                    if (rare && random.nextInt(4) == 0) {
                        picked.add("new tag " + random.nextInt(1000));
                    }
                    tagList = picked;
                }
                case 3 -> description = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
                case 4 ->
                    chapters = random.nextBoolean()
                            ? List.of()
                            : List.of(new Chapter(0, "Start"), new Chapter(1 + random.nextInt(30), "Later"));
                case 5 -> markers = List.of(new Marker(random.nextInt(50), "mark " + random.nextInt(9), List.of()));
                default -> draft = !draft;
            }
        }
        return new VideoMetadata(title, description, tagList, rating, chapters, markers, m.vr(), draft);
    }
}
