package org.ova.repo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class YamlQuotingTest {

    private static String readBack(String scalar) {
        return YamlDocument.parse(Path.of("t.yaml"), "v: " + scalar + "\n")
                .asMap()
                .require("v")
                .asString();
    }

    @Test
    void leavesOrdinaryWordsPlain() {
        assertEquals("Beach day", YamlQuoting.scalar("Beach day"));
        assertEquals("Tom's trip, part 2 (final)!", YamlQuoting.scalar("Tom's trip, part 2 (final)!"));
        assertEquals("Été 日本", YamlQuoting.scalar("Été 日本"));
    }

    @Test
    void quotesWhatYamlCouldMisread() {
        assertEquals("\"a: b\"", YamlQuoting.scalar("a: b"));
        assertEquals("\"null\"", YamlQuoting.scalar("null"));
        assertEquals("\"\"", YamlQuoting.scalar(""));
        assertEquals("\" lead\"", YamlQuoting.scalar(" lead"));
        assertEquals("\"say \\\"hi\\\" \\\\ bye\"", YamlQuoting.scalar("say \"hi\" \\ bye"));
        assertEquals("\"two\\nlines\\tand tab\"", YamlQuoting.scalar("two\nlines\tand tab"));
        assertEquals("\"bell\\u0007\"", YamlQuoting.scalar("bell\u0007"));
    }

    @Test
    void everyTrickyTextReadsBackUnchanged() {
        String[] texts = {
            "a: b",
            "# not a comment",
            "x # y",
            "'single'",
            "\"double\"",
            "[list]",
            "{map}",
            "- dash",
            "? q",
            "& anchor",
            "* alias",
            "! tag",
            "| pipe",
            "> fold",
            "%percent",
            "@at",
            "`tick`",
            "  leading and trailing  ",
            "true",
            "No",
            "~",
            "null",
            "NULL",
            "0x1F",
            "1:05",
            "007",
            "1e3",
            ".inf",
            "Été — 日本 🎬",
            "line\nbreak",
            "cr\rlf",
            "tab\tin",
            "\u0085\u2028\u2029",
            "\uFEFFbom",
            "back\\slash",
            "trailing colon:",
            "a,b",
            "",
            " ",
            "ümlaut: \"x\" [y] {z} # w"
        };
        for (String text : texts) {
            assertEquals(text, readBack(YamlQuoting.scalar(text)), () -> "for " + text);
        }
    }
}
