package org.ova.repo.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.ova.repo.Glob;
import org.ova.repo.yaml.YamlProblem;

class PlaylistReaderTest {

    private static final Path FILE = Path.of("playlists/best-of-summer.yaml");

    private static Playlist parse(String text) {
        return PlaylistReader.parse(FILE, text);
    }

    private static String problem(String text) {
        return assertThrows(YamlProblem.class, () -> parse(text)).getMessage();
    }

    private static PlaylistRules rules(String rulesYaml) {
        return ((SmartPlaylist) parse("rules:\n" + rulesYaml)).rules();
    }

    @Test
    void readsASmartPlaylistWithEveryRule() {
        Playlist playlist = parse("""
                title: Best of summer
                description: Highly rated summer clips
                rules:
                  tags: { all: [summer], any: [Beach, pool], none: [private] }
                  rating: { min: 4, max: 5 }
                  duration: { min: 30, max: 10:00 }
                  folder: "trips/**"
                  vr: true
                  addedWithin: 30d
                  text: Beach
                sort: -rating
                limit: 50
                """);
        PlaylistRules rules = new PlaylistRules(
                new TagRule(List.of("summer"), List.of("beach", "pool"), List.of("private")),
                Optional.of(new Range(4, 5)),
                Optional.of(new Range(30, 600)),
                Optional.of(Glob.folder("trips/**")),
                Optional.of(true),
                Optional.of(Duration.ofDays(30)),
                Optional.of("beach"));
        assertEquals(
                new SmartPlaylist(
                        "best-of-summer",
                        "Best of summer",
                        "Highly rated summer clips",
                        rules,
                        new PlaylistSort(PlaylistSort.Key.RATING, true),
                        OptionalInt.of(50)),
                playlist);
    }

    @Test
    void readsAManualPlaylistInItsOrder() {
        assertEquals(
                new ManualPlaylist("best-of-summer", "Weekend", "", List.of("b.mp4", "a/c.mp4", "a.mp4")),
                parse("title: Weekend\nvideos:\n  - b.mp4\n  - ' a/c.mp4 '\n  - a.mp4\n"));
    }

    @Test
    void titleDefaultsFromTheIdAndSortToTitle() {
        SmartPlaylist playlist = (SmartPlaylist) parse("rules:\n  rating: {min: 1}\n");
        assertEquals("Best of summer", playlist.title());
        assertEquals(PlaylistSort.DEFAULT, playlist.sort());
        assertEquals(OptionalInt.empty(), playlist.limit());
        assertEquals("", playlist.description());
    }

    @Test
    void emptyRulesSelectEverything() {
        assertEquals(PlaylistRules.EVERYTHING, ((SmartPlaylist) parse("rules:\n")).rules());
        assertEquals(PlaylistRules.EVERYTHING, ((SmartPlaylist) parse("rules: {}\n")).rules());
    }

    @Test
    void emptyVideosIsAnEmptyManualList() {
        assertEquals(List.of(), ((ManualPlaylist) parse("videos:\n")).videos());
    }

    @Test
    void rangesDefaultTheMissingBound() {
        assertEquals(Optional.of(new Range(0, 3)), rules("  rating: {max: 3}\n").rating());
        assertEquals(
                Optional.of(new Range(90, Double.POSITIVE_INFINITY)),
                rules("  duration: {min: 1:30}\n").duration());
    }

    @Test
    void addedWithinUnderstandsEachUnit() {
        assertEquals(
                Optional.of(Duration.ofHours(12)), rules("  addedWithin: 12h\n").addedWithin());
        assertEquals(
                Optional.of(Duration.ofDays(7)), rules("  addedWithin: 7d\n").addedWithin());
        assertEquals(
                Optional.of(Duration.ofDays(28)), rules("  addedWithin: 4w\n").addedWithin());
        assertEquals(
                Optional.of(Duration.ofDays(180)), rules("  addedWithin: 6m\n").addedWithin());
        assertEquals(
                Optional.of(Duration.ofDays(365)), rules("  addedWithin: 1y\n").addedWithin());
    }

    @Test
    void everySortWordIsRead() {
        for (PlaylistSort.Key key : PlaylistSort.Key.values()) {
            assertEquals(
                    new PlaylistSort(key, false), ((SmartPlaylist) parse("rules:\nsort: " + key.yamlName())).sort());
            if (key != PlaylistSort.Key.RANDOM) {
                assertEquals(
                        new PlaylistSort(key, true),
                        ((SmartPlaylist) parse("rules:\nsort: -" + key.yamlName())).sort());
            }
        }
    }

    @Test
    void unknownKeyIsRejectedWithAHint() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:1: unknown key 'sotr'; did you mean 'sort'? "
                        + "(allowed: title, description, rules, videos, sort, limit)",
                problem("rules:\nsotr: title\n"));
    }

    @Test
    void unknownRuleIsRejectedWithAHint() {
        assertEquals(
                "playlists/best-of-summer.yaml:3:3: unknown key 'tag'; did you mean 'tags'? "
                        + "(allowed: tags, rating, duration, folder, vr, addedWithin, text)",
                problem("title: x\nrules:\n  tag: {all: [a]}\n"));
    }

    @Test
    void unknownTagKeyIsRejectedWithAHint() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:11: unknown key 'al'; did you mean 'all'? (allowed: all, any, none)",
                problem("rules:\n  tags: { al: [a] }\n"));
    }

    @Test
    void badSortWordIsRejected() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:7: 'ratin' is not a sort order; use one of: added, title, "
                        + "duration, rating, path, random, with '-' in front for descending (e.g. -rating)",
                problem("rules:\nsort: ratin\n"));
    }

    @Test
    void descendingRandomIsRejected() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:7: random has no direction; write sort: random",
                problem("rules:\nsort: -random\n"));
    }

    @Test
    void badDurationIsRejectedAtItsValue() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:29: time '10:75' has 75 seconds; seconds go up to 59",
                problem("rules:\n  duration: { min: 30, max: 10:75 }\n"));
    }

    @Test
    void minAboveMaxIsRejected() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:13: min is above max; swap them",
                problem("rules:\n  rating: { min: 5, max: 2 }\n"));
    }

    @Test
    void ratingRuleOutOfRangeIsRejected() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:18: expected a number from 0 to 5, found 6",
                problem("rules:\n  rating: { min: 6 }\n"));
    }

    @Test
    void limitOutOfRangeIsRejected() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:8: expected a number from 1 to 100000, found 0",
                problem("rules:\nlimit: 0\n"));
        assertEquals(
                "playlists/best-of-summer.yaml:2:8: expected a number from 1 to 100000, found 100001",
                problem("rules:\nlimit: 100001\n"));
    }

    @Test
    void badAgeIsRejected() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:16: expected an age such as 12h, 7d, 4w, 6m or 1y (hours, "
                        + "days, weeks, months of 30 days, years of 365 days), found '3 days'",
                problem("rules:\n  addedWithin: 3 days\n"));
        assertEquals(
                "playlists/best-of-summer.yaml:2:16: expected an age such as 12h, 7d, 4w, 6m or 1y (hours, "
                        + "days, weeks, months of 30 days, years of 365 days), found '0d'",
                problem("rules:\n  addedWithin: 0d\n"));
    }

    @Test
    void badVrValueIsRejected() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:7: expected true or false, found 'maybe'",
                problem("rules:\n  vr: maybe\n"));
    }

    @Test
    void unclosedFolderBraceIsRejected() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:11: the folder glob '{a,b' opens a '{' it never closes",
                problem("rules:\n  folder: \"{a,b\"\n"));
    }

    @Test
    void rulesAndVideosTogetherAreRejectedAtTheSecondKey() {
        assertEquals(
                "playlists/best-of-summer.yaml:3:1: a playlist has either 'rules' (smart) or 'videos' "
                        + "(manual), not both; remove one",
                problem("title: x\nvideos: [a.mp4]\nrules:\n  vr: true\n"));
        assertEquals(
                "playlists/best-of-summer.yaml:2:1: a playlist has either 'rules' (smart) or 'videos' "
                        + "(manual), not both; remove one",
                problem("rules: {}\nvideos: [a.mp4]\n"));
    }

    @Test
    void playlistWithNeitherRulesNorVideosIsRejected() {
        assertEquals(
                "playlists/best-of-summer.yaml:1:1: a playlist needs 'rules:' (a smart playlist) or "
                        + "'videos:' (a manual list)",
                problem("title: Empty\n"));
        assertEquals(
                "playlists/best-of-summer.yaml:1:1: a playlist needs 'rules:' (a smart playlist) or "
                        + "'videos:' (a manual list)",
                problem(""));
    }

    @Test
    void sortOnAManualListIsRejected() {
        assertEquals(
                "playlists/best-of-summer.yaml:2:1: 'sort' only applies to smart playlists (with 'rules'); "
                        + "a manual list keeps the order of its 'videos'",
                problem("videos: [a.mp4]\nsort: title\n"));
    }

    @Test
    void emptyVideoPathIsRejected() {
        assertEquals(
                "playlists/best-of-summer.yaml:3:5: empty video path; write the path relative to the library, "
                        + "e.g. trips/beach.mp4",
                problem("videos:\n  - a.mp4\n  - ''\n"));
    }
}
