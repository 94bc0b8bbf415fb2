package org.ova.repo.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataRewriterTest {

    private static final Path FILE = Path.of("clip.yaml");

    private static final String HAND_WRITTEN = """
            # my notes about this clip
            title: "Beach: day one"   # keep the colon
            rating: 3
            tags:
              - summer   # first
              - family
            chapters:   # from the camera
              - at: 0:00
                title: Arrival

              # the good part
              - at: 1:05.5
                title: Waves
            """;

    private static VideoMetadata read(String text) {
        MetadataParse parse = MetadataReader.parse(FILE, text, "clip");
        assertTrue(parse.valid(), () -> "problems: " + parse.problems() + " in\n" + text);
        return parse.metadata();
    }

    private static String rewrite(String text, VideoMetadata after) {
        String written = MetadataRewriter.rewrite(FILE, text, read(text), after);
        assertEquals(after, read(written), written);
        return written;
    }

    private static VideoMetadata withRating(VideoMetadata m, int rating) {
        return new VideoMetadata(
                m.title(), m.description(), m.tags(), rating, m.chapters(), m.markers(), m.vr(), m.draft());
    }

    @Test
    void unchangedMetadataGivesTheSameBytes() {
        assertEquals(
                HAND_WRITTEN, MetadataRewriter.rewrite(FILE, HAND_WRITTEN, read(HAND_WRITTEN), read(HAND_WRITTEN)));
    }

    @Test
    void changingOneValueChangesOnlyItsText() {
        String written = rewrite(HAND_WRITTEN, withRating(read(HAND_WRITTEN), 5));
        assertEquals(HAND_WRITTEN.replace("rating: 3", "rating: 5"), written);
    }

    @Test
    void blockTagsStayABlockListAtTheirIndentationAndLaterCommentsStay() {
        VideoMetadata m = read(HAND_WRITTEN);
        VideoMetadata after = new VideoMetadata(
                m.title(),
                m.description(),
                List.of("summer", "sea, sand"),
                m.rating(),
                m.chapters(),
                m.markers(),
                m.vr(),
                m.draft());
        assertEquals(
                HAND_WRITTEN.replace("  - summer   # first\n  - family", "  - summer\n  - sea, sand"),
                rewrite(HAND_WRITTEN, after));
    }

    @Test
    void chaptersAreRewrittenInPlaceKeepingTheKeyLineComment() {
        VideoMetadata m = read(HAND_WRITTEN);
        VideoMetadata after = new VideoMetadata(
                m.title(),
                m.description(),
                m.tags(),
                m.rating(),
                List.of(new Chapter(0, "Arrival"), new Chapter(30.25, "Swim")),
                m.markers(),
                m.vr(),
                m.draft());
        String written = rewrite(HAND_WRITTEN, after);
        assertEquals(
                HAND_WRITTEN.substring(0, HAND_WRITTEN.indexOf("  - at: 0:00"))
                        + "  - at: 0:00\n    title: Arrival\n  - at: 0:30.250\n    title: Swim\n",
                written);
    }

    @Test
    void aKeySetToItsDefaultIsRemovedWithItsLines() {
        VideoMetadata m = read(HAND_WRITTEN);
        VideoMetadata after = new VideoMetadata(
                m.title(), m.description(), List.of(), 0, m.chapters(), m.markers(), m.vr(), m.draft());
        String written = rewrite(HAND_WRITTEN, after);
        assertEquals(
                HAND_WRITTEN.replace("rating: 3\n", "").replace("tags:\n  - summer   # first\n  - family\n", ""),
                written);
    }

    @Test
    void newKeysReplaceTheTemplatesCommentedExamplesInTemplateOrder() {
        String template = MetadataTemplate.render("a/clip.mp4", "clip", List.of());
        VideoMetadata after = new VideoMetadata(
                "clip",
                "Line one\n\nLine three",
                List.of("summer", "kids"),
                4,
                List.of(new Chapter(0, "Start")),
                List.of(new Marker(65.5, "Big wave", List.of("funny"))),
                new VrMode(VrMode.Projection.EQUIRECT_180, VrMode.Stereo.SIDE_BY_SIDE),
                true);
        String written = rewrite(template, after);
        assertTrue(
                written.contains("title: clip\ndescription: |\n  Line one\n\n  Line three\n# description: |\n"),
                written);
        assertTrue(written.contains("\ntags: [summer, kids]\n# tags: [summer, family]"), written);
        assertTrue(written.contains("\nrating: 4\n# rating: 4 "), written);
        assertTrue(written.contains("\ndraft: true\n# draft: true"), written);
        assertTrue(written.contains("\nvr:\n  projection: 180\n  stereo: sbs\n# vr:"), written);
        assertTrue(written.contains("\nchapters:\n  - at: 0:00\n    title: Start\n# chapters:"), written);
        assertTrue(
                written.endsWith("\nmarkers:\n  - at: 1:05.500\n    label: Big wave\n    tags: [funny]\n# markers:\n"
                        + "#   - at: 1:05.5\n#     label: Big wave\n#     tags: [funny]\n"),
                written);
        // comments of the template all still there
        template.lines().forEach(line -> assertTrue(written.contains(line), line));
    }

    @Test
    void keysOvaDoesNotKnowAreKept() {
        String text = "title: x\nx-source: camera   # mine\nrating: 1\n";
        VideoMetadata before = MetadataReader.parse(FILE, text, "clip").metadata();
        assertEquals(
                "title: x\nx-source: camera   # mine\nrating: 2\n",
                MetadataRewriter.rewrite(FILE, text, before, withRating(before, 2)));
    }

    @Test
    void newKeysInAFileWithoutExamplesFollowTheKeysBeforeThem() {
        String text = "title: x\nmarkers: []   # none yet\n";
        VideoMetadata after = withRating(read(text), 2);
        assertEquals("title: x\nrating: 2\nmarkers: []   # none yet\n", rewrite(text, after));
        assertEquals("rating: 2\n", rewrite("", withRating(read(""), 2)));
        assertEquals("# only a comment\nrating: 2\n", rewrite("# only a comment", withRating(read(""), 2)));
    }

    @Test
    void clearingTheTitleRemovesItSoTheFileNameIsUsed() {
        VideoMetadata m = read(HAND_WRITTEN);
        VideoMetadata after = new VideoMetadata(
                "", m.description(), m.tags(), m.rating(), m.chapters(), m.markers(), m.vr(), m.draft());
        String written = MetadataRewriter.rewrite(FILE, HAND_WRITTEN, m, after);
        assertEquals(HAND_WRITTEN.replace("title: \"Beach: day one\"   # keep the colon\n", ""), written);
        assertEquals("clip", read(written).title());
    }
}
