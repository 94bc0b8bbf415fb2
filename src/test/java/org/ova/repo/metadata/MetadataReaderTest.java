package org.ova.repo.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.yaml.YamlLimits;
import org.ova.repo.yaml.YamlProblem;

class MetadataReaderTest {

    private static final Path FILE = Path.of("beach.mp4.yaml");

    private static VideoMetadata parse(String text) {
        return valid(MetadataReader.parse(FILE, text, "Default"));
    }

    /** The metadata of a valid file; the problems, all in one, of a broken one. */
    static VideoMetadata valid(MetadataParse parse) {
        if (!parse.valid()) {
            throw YamlProblem.all(parse.problems());
        }
        return parse.metadata();
    }

    private static List<String> problems(String text) {
        return MetadataReader.parse(FILE, text, "Default").problems().stream()
                .map(YamlProblem::getMessage)
                .toList();
    }

    private static String problem(String text) {
        return assertThrows(YamlProblem.class, () -> parse(text)).getMessage();
    }

    @Test
    void readsEveryKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("beach.mp4.yaml");
        Files.writeString(file, """
                # Metadata for trips/beach.mp4
                title: Beach day
                description: |
                  Free text.
                  Second line.
                tags: [summer, family]
                rating: 4
                draft: true
                vr:
                  projection: 180
                  stereo: sbs
                chapters:
                  - at: 0:00
                    title: Arrival
                  - at: 1:05.5
                    title: Swimming
                markers:
                  - at: 42
                    label: Big wave
                    tags: [funny]
                """);
        VideoMetadata expected = new VideoMetadata(
                "Beach day",
                "Free text.\nSecond line.",
                List.of("summer", "family"),
                4,
                List.of(new Chapter(0, "Arrival"), new Chapter(65.5, "Swimming")),
                List.of(new Marker(42, "Big wave", List.of("funny"))),
                new VrMode(VrMode.Projection.EQUIRECT_180, VrMode.Stereo.SIDE_BY_SIDE),
                true);
        assertEquals(expected, valid(MetadataReader.read(file, "Default")));
    }

    @Test
    void emptyFileGivesDefaults() {
        assertEquals(VideoMetadata.defaults("Default"), parse(""));
        assertEquals(VideoMetadata.defaults("Default"), parse("# only a comment\n"));
    }

    @Test
    void emptyOrBlankTitleGivesTheDefaultTitle() {
        assertEquals("Default", parse("title:\n").title());
        assertEquals("Default", parse("title: \"  \"\n").title());
    }

    @Test
    void quotedTitleKeepsItsSpaces() {
        assertEquals("  spaced ", parse("title: \"  spaced \"\n").title());
    }

    @Test
    void tagsMayBeAYamlListOrASingleWord() {
        assertEquals(
                List.of("summer", "family"),
                parse("tags:\n  - summer\n  - family\n").tags());
        assertEquals(List.of("holiday"), parse("tags: holiday\n").tags());
    }

    @Test
    void tagsAreTrimmedAndDeduplicatedIgnoringCaseKeepingTheFirstSpelling() {
        assertEquals(
                List.of("Summer", "family", "Ümlaut"),
                parse("tags: [' Summer ', family, summer, SUMMER, '', Ümlaut, ümlaut, FAMILY]\n")
                        .tags());
    }

    @Test
    void chaptersAndMarkersAreSortedByTimeKeepingWrittenOrderOnTies() {
        VideoMetadata m = parse("""
                chapters:
                  - {at: 2:00, title: C}
                  - {at: 10, title: B}
                  - {at: 0, title: A}
                markers:
                  - {at: 1:00:00}
                  - {at: 5, label: first}
                  - {at: 5, label: second}
                """);
        assertEquals(List.of(new Chapter(0, "A"), new Chapter(10, "B"), new Chapter(120, "C")), m.chapters());
        assertEquals(
                List.of(
                        new Marker(5, "first", List.of()),
                        new Marker(5, "second", List.of()),
                        new Marker(3600, "", List.of())),
                m.markers());
    }

    @Test
    void vrPartsDefaultToAuto() {
        assertEquals(
                new VrMode(VrMode.Projection.EQUIRECT_360, VrMode.Stereo.AUTO),
                parse("vr:\n  projection: 360\n").vr());
        assertEquals(
                new VrMode(VrMode.Projection.AUTO, VrMode.Stereo.TOP_BOTTOM),
                parse("vr: {stereo: TB}\n").vr());
    }

    @Test
    void unknownKeyIsRejectedWithAHint() {
        assertEquals(
                "beach.mp4.yaml:2:1: unknown key 'ratin'; did you mean 'rating'? "
                        + "(allowed: title, description, tags, rating, draft, vr, chapters, markers)",
                problem("title: x\nratin: 3\n"));
    }

    @Test
    void unknownKeyInsideAChapterIsRejected() {
        assertEquals(
                "beach.mp4.yaml:3:5: unknown key 'titel'; did you mean 'title'? (allowed: at, title)",
                problem("chapters:\n  - at: 1\n    titel: x\n"));
    }

    @Test
    void ratingOutOfRangeIsRejected() {
        assertEquals("beach.mp4.yaml:1:9: expected a number from 0 to 5, found 6", problem("rating: 6\n"));
        assertEquals("beach.mp4.yaml:1:9: expected a number from 0 to 5, found -1", problem("rating: -1\n"));
        assertEquals("beach.mp4.yaml:1:9: expected a whole number, found '4.5'", problem("rating: 4.5\n"));
    }

    @Test
    void badTimeIsReportedAtItsPosition() {
        assertEquals(
                "beach.mp4.yaml:3:9: time '1:75' has 75 seconds; seconds go up to 59",
                problem("markers:\n  - label: x\n    at: 1:75\n"));
    }

    @Test
    void chapterWithoutTimeIsRejected() {
        assertEquals("beach.mp4.yaml:2:5: missing required key 'at'", problem("chapters:\n  - title: x\n"));
    }

    @Test
    void badVrWordListsTheAllowedWords() {
        assertEquals(
                "beach.mp4.yaml:1:18: '270' is not allowed here; use one of: auto, flat, 360, 180",
                problem("vr: {projection: 270}\n"));
    }

    @Test
    void badDraftValueIsRejected() {
        assertEquals("beach.mp4.yaml:1:8: expected true or false, found 'maybe'", problem("draft: maybe\n"));
    }

    @Test
    void topLevelListIsRejected() {
        assertEquals("beach.mp4.yaml:1:1: expected a mapping of keys to values, found a list", problem("- a\n- b\n"));
    }

    @Test
    void brokenYamlIsAProblemWithAPosition() {
        YamlProblem p = assertThrows(YamlProblem.class, () -> parse("title: [unclosed\nrating: 3\n"));
        assertEquals(FILE, p.file());
        assertEquals(true, p.getMessage().startsWith("beach.mp4.yaml:"), p.getMessage());
    }

    @Test
    void everyIndependentProblemIsReportedEachAtItsPosition() {
        assertEquals(
                List.of(
                        "beach.mp4.yaml:2:1: unknown key 'ratin'; did you mean 'rating'? "
                                + "(allowed: title, description, tags, rating, draft, vr, chapters, markers)",
                        "beach.mp4.yaml:3:9: expected a number from 0 to 5, found 9",
                        "beach.mp4.yaml:5:6: unknown key 'stero'; did you mean 'stereo'? (allowed: projection, stereo)",
                        "beach.mp4.yaml:5:30: '270' is not allowed here; use one of: auto, flat, 360, 180",
                        "beach.mp4.yaml:7:9: time '1:75' has 75 seconds; seconds go up to 59",
                        "beach.mp4.yaml:8:5: unknown key 'titel'; did you mean 'title'? (allowed: at, title)",
                        "beach.mp4.yaml:8:5: missing required key 'at'",
                        "beach.mp4.yaml:9:8: expected true or false, found 'maybe'"),
                problems("""
                        title: Fine
                        ratin: 3
                        rating: 9
                        tags: [a, b]
                        vr: {stero: sbs, projection: 270}
                        chapters:
                          - at: 1:75
                          - titel: x
                        draft: maybe
                        """));
    }

    @Test
    void theValuesThatCanBeReadAreKeptBesideTheProblems() {
        MetadataParse parse = MetadataReader.parse(FILE, "title: Kept\ntags: [x]\nrating: 9\n", "Default");
        assertEquals("Kept", parse.metadata().title());
        assertEquals(List.of("x"), parse.metadata().tags());
        assertEquals(1, parse.problems().size());
    }

    @Test
    void aBrokenFileThatMayAskForADraftCountsAsADraft() {
        assertTrue(
                MetadataReader.parse(FILE, "draft: true\nrating: 9\n", "D")
                        .metadata()
                        .draft(),
                "draft read");
        assertTrue(MetadataReader.parse(FILE, "draft: ture\n", "D").metadata().draft(), "unreadable draft flag");
        assertTrue(
                MetadataReader.parse(FILE, "draft: true\ntitle: \"open\n", "D")
                        .metadata()
                        .draft(),
                "syntax error, a line asks for a draft");
        assertTrue(
                MetadataReader.parse(FILE, "title: x\n\tdraft: yes\n", "D")
                        .metadata()
                        .draft(),
                "tab");
        assertFalse(
                MetadataReader.parse(FILE, "title: \"open\nrating: 3\n", "D")
                        .metadata()
                        .draft(),
                "syntax error, no draft line");
        assertFalse(MetadataReader.parse(FILE, "rating: 9\n", "D").metadata().draft(), "no draft key");
    }

    @Test
    void titlesTagsAndLabelsAreLimitedToOneKilobyteAndDescriptionsTo64() {
        String kilobyte = "x".repeat(YamlLimits.MAX_SHORT_TEXT_CHARS);
        assertEquals(kilobyte, parse("title: " + kilobyte + "\n").title());
        assertEquals(
                List.of(
                        "beach.mp4.yaml:1:8: this text has 1025 characters, more than the limit of 1 KB here: shorten it",
                        "beach.mp4.yaml:2:8: this text has 1025 characters, more than the limit of 1 KB here: shorten it",
                        "beach.mp4.yaml:3:26: this text has 1025 characters, more than the limit of 1 KB here: shorten it"),
                problems("title: " + kilobyte + "y\ntags: [" + kilobyte + "z]\nmarkers: [{at: 1, label: " + kilobyte
                        + "!}]\n"));
        String description = "d".repeat(YamlLimits.MAX_TEXT_CHARS);
        assertEquals(description, parse("description: " + description + "\n").description());
        assertEquals(
                List.of(
                        "beach.mp4.yaml:1:14: this value has 65537 characters, more than the limit of 64 KB per value: shorten it"),
                problems("description: " + description + "e\n"));
    }

    @Test
    void aFileOverTheSizeLimitIsAProblemWithoutBeingRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.mp4.yaml");
        try (var out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < YamlLimits.MAX_FILE_BYTES / 10 + 1; i++) {
                out.write("# padding\n");
            }
        }
        MetadataParse parse = MetadataReader.read(file, "Big");
        assertEquals(
                List.of(file + ":1:1: the file has 4194310 bytes, more than the limit of 4 MB: keep long"
                        + " texts short and move the rest elsewhere"),
                parse.problems().stream().map(YamlProblem::getMessage).toList());
        assertTrue(parse.metadata().draft(), "a file that cannot be read at all is held back");
    }
}
