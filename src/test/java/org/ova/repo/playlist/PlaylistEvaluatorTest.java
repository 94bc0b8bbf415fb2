package org.ova.repo.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.LibraryVideo;
import org.ova.repo.MediaFacts;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.Marker;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;

class PlaylistEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final long SEED = 42;

    /** Builds library videos with only the facts a test cares about. */
    private static final class V {
        private final String path;
        private String title;
        private String description = "";
        private List<String> tags = List.of();
        private int rating;
        private List<Chapter> chapters = List.of();
        private List<Marker> markers = List.of();
        private boolean draft;
        private OptionalDouble duration = OptionalDouble.empty();
        private VrMode vr = VrMode.FLAT;
        private Instant added = NOW.minus(Duration.ofDays(1000));

        V(String path) {
            this.path = path;
            this.title = path;
        }

        V title(String value) {
            title = value;
            return this;
        }

        V description(String value) {
            description = value;
            return this;
        }

        V tags(String... value) {
            tags = List.of(value);
            return this;
        }

        V rating(int value) {
            rating = value;
            return this;
        }

        V chapter(String value) {
            chapters = List.of(new Chapter(0, value));
            return this;
        }

        V marker(String label, String... markerTags) {
            markers = List.of(new Marker(1, label, List.of(markerTags)));
            return this;
        }

        V draft() {
            draft = true;
            return this;
        }

        V duration(double value) {
            duration = OptionalDouble.of(value);
            return this;
        }

        V vr360() {
            vr = new VrMode(VrMode.Projection.EQUIRECT_360, VrMode.Stereo.MONO);
            return this;
        }

        V addedAgo(Duration age) {
            added = NOW.minus(age);
            return this;
        }

        LibraryVideo build() {
            VideoMetadata metadata =
                    new VideoMetadata(title, description, tags, rating, chapters, markers, VrMode.AUTO, draft);
            Optional<MediaFacts> media = duration.isPresent()
                    ? Optional.of(
                            new MediaFacts(duration.getAsDouble(), 640, 360, "mp4", "h264", "", 25, 0, vr, List.of()))
                    : Optional.empty();
            return new LibraryVideo("id-" + path, path, 1, added, metadata, media, GeneratedMedia.NONE, vr);
        }
    }

    private static List<LibraryVideo> library(V... videos) {
        return List.of(videos).stream().map(V::build).toList();
    }

    private static List<String> run(String rulesYaml, List<LibraryVideo> library) {
        return run(rulesYaml, "path", library);
    }

    private static List<String> run(String rulesYaml, String sort, List<LibraryVideo> library) {
        Playlist playlist = PlaylistReader.parse(Path.of("p.yaml"), "rules:\n" + rulesYaml + "sort: " + sort + "\n");
        return paths(PlaylistEvaluator.evaluate(playlist, library, NOW, SEED));
    }

    private static List<String> paths(List<LibraryVideo> videos) {
        return videos.stream().map(LibraryVideo::path).toList();
    }

    @Test
    void noRulesSelectsEveryVideoByTitle() {
        List<LibraryVideo> lib =
                library(new V("1.mp4").title("banana"), new V("2.mp4").title("Apple"), new V("3.mp4").title("cherry"));
        Playlist playlist = PlaylistReader.parse(Path.of("p.yaml"), "rules:\n");
        assertEquals(List.of("2.mp4", "1.mp4", "3.mp4"), paths(PlaylistEvaluator.evaluate(playlist, lib, NOW, SEED)));
    }

    @Test
    void draftsAreNeverIncluded() {
        List<LibraryVideo> lib = library(new V("a.mp4"), new V("b.mp4").draft().rating(5));
        assertEquals(List.of("a.mp4"), run("", lib));
        assertEquals(List.of(), run("  rating: {min: 5}\n", lib));
    }

    @Test
    void allTagsMustBePresent() {
        List<LibraryVideo> lib = library(
                new V("a.mp4").tags("summer", "beach"), new V("b.mp4").tags("summer"), new V("c.mp4").tags("beach"));
        assertEquals(List.of("a.mp4"), run("  tags: {all: [summer, beach]}\n", lib));
    }

    @Test
    void anyTagIsEnough() {
        List<LibraryVideo> lib = library(
                new V("a.mp4").tags("beach"),
                new V("b.mp4").tags("pool"),
                new V("c.mp4").tags("summer"),
                new V("d.mp4"));
        assertEquals(List.of("a.mp4", "b.mp4"), run("  tags: {any: [beach, pool]}\n", lib));
    }

    @Test
    void noneTagsExclude() {
        List<LibraryVideo> lib =
                library(new V("a.mp4").tags("summer", "private"), new V("b.mp4").tags("summer"), new V("c.mp4"));
        assertEquals(List.of("b.mp4", "c.mp4"), run("  tags: {none: [private]}\n", lib));
    }

    @Test
    void tagsMatchIgnoringCase() {
        List<LibraryVideo> lib = library(new V("a.mp4").tags("Summer", "BEACH"), new V("b.mp4").tags("PRIVATE"));
        assertEquals(List.of("a.mp4"), run("  tags: {all: [sUMMER], any: [beach], none: [Private]}\n", lib));
    }

    @Test
    void ratingRangeIsInclusive() {
        List<LibraryVideo> lib =
                library(new V("0.mp4"), new V("3.mp4").rating(3), new V("4.mp4").rating(4), new V("5.mp4").rating(5));
        assertEquals(List.of("3.mp4", "4.mp4"), run("  rating: {min: 3, max: 4}\n", lib));
        assertEquals(List.of("0.mp4"), run("  rating: {max: 0}\n", lib));
    }

    @Test
    void durationRangeIsInclusiveAndSkipsUnknownDurations() {
        List<LibraryVideo> lib = library(
                new V("short.mp4").duration(29.9),
                new V("min.mp4").duration(30),
                new V("max.mp4").duration(600),
                new V("long.mp4").duration(600.5),
                new V("unknown.mp4"));
        assertEquals(List.of("max.mp4", "min.mp4"), run("  duration: {min: 30, max: 10:00}\n", lib));
        assertEquals(List.of("long.mp4", "max.mp4", "min.mp4", "short.mp4"), run("  duration: {}\n", lib));
    }

    @Test
    void folderGlobMatchesTheRelativePath() {
        List<LibraryVideo> lib =
                library(new V("trips/a.mp4"), new V("trips/2019/b.mp4"), new V("work/c.mp4"), new V("d.mp4"));
        assertEquals(List.of("trips/2019/b.mp4", "trips/a.mp4"), run("  folder: \"trips/**\"\n", lib));
        assertEquals(List.of("trips/a.mp4"), run("  folder: \"trips/*\"\n", lib));
    }

    @Test
    void vrRuleSelectsVrOrFlat() {
        List<LibraryVideo> lib = library(new V("flat.mp4"), new V("vr.mp4").vr360());
        assertEquals(List.of("vr.mp4"), run("  vr: true\n", lib));
        assertEquals(List.of("flat.mp4"), run("  vr: false\n", lib));
    }

    @Test
    void addedWithinCountsBackFromNowInclusive() {
        List<LibraryVideo> lib = library(
                new V("edge.mp4").addedAgo(Duration.ofDays(7)),
                new V("old.mp4").addedAgo(Duration.ofDays(7).plusSeconds(1)),
                new V("new.mp4").addedAgo(Duration.ofHours(1)));
        assertEquals(List.of("edge.mp4", "new.mp4"), run("  addedWithin: 7d\n", lib));
        assertEquals(List.of("edge.mp4", "new.mp4"), run("  addedWithin: 1w\n", lib));
        assertEquals(List.of("new.mp4"), run("  addedWithin: 2h\n", lib));
    }

    @Test
    void addedWithinMonthsAreThirtyDaysAndYearsThreeHundredSixtyFive() {
        List<LibraryVideo> lib = library(
                new V("30d.mp4").addedAgo(Duration.ofDays(30)),
                new V("31d.mp4").addedAgo(Duration.ofDays(31)),
                new V("365d.mp4").addedAgo(Duration.ofDays(365)),
                new V("366d.mp4").addedAgo(Duration.ofDays(366)));
        assertEquals(List.of("30d.mp4"), run("  addedWithin: 1m\n", lib));
        assertEquals(List.of("30d.mp4", "31d.mp4", "365d.mp4"), run("  addedWithin: 1y\n", lib));
    }

    @Test
    void textIsFoundInEachFieldIgnoringCase() {
        List<LibraryVideo> lib = library(
                new V("title.mp4").title("Beach Day"),
                new V("description.mp4").description("at the BEACH"),
                new V("tag.mp4").tags("beaches"),
                new V("chapter.mp4").chapter("Beach walk"),
                new V("marker.mp4").marker("big beach wave"),
                new V("beach-path.mp4").title("Path only"),
                new V("marker-tag.mp4").marker("wave", "beach"));
        assertEquals(
                List.of("chapter.mp4", "description.mp4", "marker.mp4", "tag.mp4", "title.mp4"),
                run("  text: Beach\n", lib));
    }

    @Test
    void rulesCombineWithAnd() {
        List<LibraryVideo> lib = library(
                new V("trips/yes.mp4").tags("summer").rating(5).duration(60),
                new V("trips/low.mp4").tags("summer").rating(2).duration(60),
                new V("trips/untagged.mp4").rating(5).duration(60),
                new V("home/elsewhere.mp4").tags("summer").rating(5).duration(60),
                new V("trips/long.mp4").tags("summer").rating(5).duration(7200));
        assertEquals(
                List.of("trips/yes.mp4"),
                run("  tags: {all: [summer]}\n  rating: {min: 4}\n  folder: trips\n  duration: {max: 1:00:00}\n", lib));
    }

    private static List<LibraryVideo> sortable() {
        return library(
                new V("b.mp4").title("beta").rating(3).duration(20).addedAgo(Duration.ofDays(2)),
                new V("a.mp4").title("Alpha").rating(5).duration(10).addedAgo(Duration.ofDays(3)),
                new V("d.mp4").title("alpha").rating(3).addedAgo(Duration.ofDays(1)),
                new V("c.mp4").title("Gamma").rating(1).duration(30).addedAgo(Duration.ofDays(3)));
    }

    @Test
    void sortsByTitleIgnoringCaseWithPathBreakingTies() {
        assertEquals(List.of("a.mp4", "d.mp4", "b.mp4", "c.mp4"), run("", "title", sortable()));
        assertEquals(List.of("c.mp4", "b.mp4", "a.mp4", "d.mp4"), run("", "-title", sortable()));
    }

    @Test
    void sortsByRating() {
        assertEquals(List.of("c.mp4", "b.mp4", "d.mp4", "a.mp4"), run("", "rating", sortable()));
        assertEquals(List.of("a.mp4", "b.mp4", "d.mp4", "c.mp4"), run("", "-rating", sortable()));
    }

    @Test
    void sortsByAdded() {
        assertEquals(List.of("a.mp4", "c.mp4", "b.mp4", "d.mp4"), run("", "added", sortable()));
        assertEquals(List.of("d.mp4", "b.mp4", "a.mp4", "c.mp4"), run("", "-added", sortable()));
    }

    @Test
    void sortsByDurationWithUnknownLastEitherWay() {
        assertEquals(List.of("a.mp4", "b.mp4", "c.mp4", "d.mp4"), run("", "duration", sortable()));
        assertEquals(List.of("c.mp4", "b.mp4", "a.mp4", "d.mp4"), run("", "-duration", sortable()));
    }

    @Test
    void sortsByPath() {
        assertEquals(List.of("a.mp4", "b.mp4", "c.mp4", "d.mp4"), run("", "path", sortable()));
        assertEquals(List.of("d.mp4", "c.mp4", "b.mp4", "a.mp4"), run("", "-path", sortable()));
    }

    @Test
    void randomOrderIsReproducibleForASeedAndIndependentOfInputOrder() {
        List<LibraryVideo> lib = IntStream.range(0, 50)
                .mapToObj(i -> new V("v" + i + ".mp4").build())
                .toList();
        Playlist playlist = PlaylistReader.parse(Path.of("p.yaml"), "rules:\nsort: random\n");
        List<String> first = paths(PlaylistEvaluator.evaluate(playlist, lib, NOW, 7));
        List<LibraryVideo> shuffled = new ArrayList<>(lib);
        Collections.reverse(shuffled);
        assertEquals(first, paths(PlaylistEvaluator.evaluate(playlist, shuffled, NOW, 7)));
        assertNotEquals(first, paths(PlaylistEvaluator.evaluate(playlist, lib, NOW, 8)));
        assertNotEquals(paths(lib), first);
        assertEquals(50, first.stream().distinct().count());
    }

    @Test
    void randomOrderKeepsOthersInPlaceWhenAVideoIsAdded() {
        List<LibraryVideo> lib = IntStream.range(0, 20)
                .mapToObj(i -> new V("v" + i + ".mp4").build())
                .toList();
        Playlist playlist = PlaylistReader.parse(Path.of("p.yaml"), "rules:\nsort: random\n");
        List<String> before = paths(PlaylistEvaluator.evaluate(playlist, lib, NOW, 7));
        List<LibraryVideo> grown = new ArrayList<>(lib);
        grown.add(new V("new.mp4").build());
        List<String> after = new ArrayList<>(paths(PlaylistEvaluator.evaluate(playlist, grown, NOW, 7)));
        after.remove("new.mp4");
        assertEquals(before, after);
    }

    @Test
    void limitAppliesAfterSorting() {
        assertEquals(List.of("a.mp4", "b.mp4"), run("", "-rating\nlimit: 2", sortable()));
        assertEquals(List.of("a.mp4", "b.mp4", "d.mp4", "c.mp4"), run("", "-rating\nlimit: 100", sortable()));
    }

    @Test
    void manualListKeepsItsOrderAndSkipsMissingAndDraftVideos() {
        List<LibraryVideo> lib = library(new V("a.mp4"), new V("b.mp4"), new V("c.mp4").draft(), new V("d/e.mp4"));
        ManualPlaylist playlist =
                new ManualPlaylist("w", "W", "", List.of("d/e.mp4", "gone.mp4", "c.mp4", "a.mp4", "gone.mp4", "b.mp4"));
        assertEquals(List.of("d/e.mp4", "a.mp4", "b.mp4"), paths(PlaylistEvaluator.evaluate(playlist, lib, NOW, SEED)));
    }
}
