package org.ova.repo.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataTemplateTest {

    private static VideoMetadata readBack(String text, String defaultTitle) {
        return MetadataReaderTest.valid(MetadataReader.parse(Path.of("t.yaml"), text, defaultTitle));
    }

    @Test
    void writesTheTitleAndCommentedExamples() {
        assertEquals("""
                # Metadata for trips/beach.mp4 — edit freely; the Edit button of ova serve changes only the values it shows, comments stay.
                # Every key is optional. Remove the '# ' in front of a line to use it.
                title: Beach
                # description: |
                #   Free text, as many lines as you like.
                # tags: [summer, family]   # or one tag per line: '- summer'
                # rating: 4                # 0 (unrated) to 5
                # draft: true              # drafts stay out of the site
                # vr:                      # override what ova detects
                #   projection: auto       # auto | flat | 360 | 180
                #   stereo: auto           # auto | mono | sbs | tb
                # chapters:                # times: seconds (42), m:ss or h:mm:ss, optional .fraction
                #   - at: 0:00
                #     title: Arrival
                # markers:
                #   - at: 1:05.5
                #     label: Big wave
                #     tags: [funny]
                """, MetadataTemplate.render("trips/beach.mp4", "Beach", List.of()));
    }

    @Test
    void readsBackAsDefaults() {
        String text = MetadataTemplate.render("trips/beach.mp4", "Beach", List.of());
        assertEquals(VideoMetadata.defaults("Beach"), readBack(text, "something else"));
    }

    @Test
    void uncommentingEveryExampleGivesAValidFile() {
        String text = MetadataTemplate.render("a.mp4", "A", List.of()).replaceAll("(?m)^# (?!Metadata|Every)", "");
        VideoMetadata m = readBack(text, "A");
        assertEquals(List.of("summer", "family"), m.tags());
        assertEquals(4, m.rating());
        assertEquals(true, m.draft());
        assertEquals(List.of(new Chapter(0, "Arrival")), m.chapters());
        assertEquals(List.of(new Marker(65.5, "Big wave", List.of("funny"))), m.markers());
    }

    @Test
    void writesImportedChaptersAsRealEntries() {
        List<Chapter> chapters =
                List.of(new Chapter(0, "Intro"), new Chapter(65.5, "Part: two #2"), new Chapter(3723.25, ""));
        String text = MetadataTemplate.render("a.mp4", "A", chapters);
        assertEquals(true, text.contains("""
                chapters:                  # imported from the video file
                  - at: 0:00
                    title: Intro
                  - at: 1:05.500
                    title: "Part: two #2"
                  - at: 1:02:03.250
                    title: ""
                """), text);
        VideoMetadata expected = new VideoMetadata("A", "", List.of(), 0, chapters, List.of(), VrMode.AUTO, false);
        assertEquals(expected, readBack(text, "A"));
    }

    @Test
    void trickyTitlesRoundTrip() {
        String[] titles = {
            "Beach day",
            "a: b",
            "# hash",
            "x # y",
            "it's",
            "'quoted'",
            "\"dq\"",
            "[a, b]",
            "{k: v}",
            "- dash",
            "  leading spaces",
            "trailing ",
            "Été à la plage — 日本 🎬",
            "true",
            "null",
            "~",
            "42",
            "1:05",
            "two\nlines",
            "tab\there",
            "back\\slash",
            "&anchor",
            "*alias",
            "!tag",
            "%d",
            "@home",
            "`x`",
            "|",
            ">",
            "?",
            "Ünïcödé: \"all\" [of] {it} # now"
        };
        for (String title : titles) {
            String text = MetadataTemplate.render("v.mp4", title, List.of(new Chapter(1, title)));
            VideoMetadata expected = new VideoMetadata(
                    title, "", List.of(), 0, List.of(new Chapter(1, title)), List.of(), VrMode.AUTO, false);
            assertEquals(expected, readBack(text, "fallback"), () -> "title " + title);
        }
    }

    @Test
    void pathWithLineBreakStaysInTheComment() {
        String text = MetadataTemplate.render("odd\nname.mp4", "T", List.of());
        assertEquals(
                "# Metadata for odd name.mp4 — edit freely; the Edit button of ova serve changes only the values it shows, comments stay.",
                text.lines().findFirst().orElseThrow());
        assertEquals(VideoMetadata.defaults("T"), readBack(text, "T"));
    }
}
