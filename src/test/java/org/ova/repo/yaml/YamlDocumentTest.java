package org.ova.repo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlDocumentTest {

    @Test
    void emptyOrCommentOnlyDocumentIsAnEmptyMapping() {
        for (String text : List.of("", "\n", "# just a comment\n")) {
            YamlNode root = YamlDocument.parse(Path.of("e.yaml"), text);
            assertTrue(root.isMap());
            assertEquals(List.of(), List.copyOf(root.asMap().keys()));
        }
    }

    private static YamlProblem problem(String text) {
        return assertThrows(YamlProblem.class, () -> YamlDocument.parse(Path.of("m.yaml"), text));
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        assertEquals(
                "m.yaml:2:8: invalid YAML: the quote opened here is never closed (the file ends first);"
                        + " add the closing quote",
                problem("draft: true\ntitle: \"Beach day\nrating: 3\ntags: [a]\n")
                        .getMessage());
        assertEquals(
                "m.yaml:1:8: invalid YAML: the quote opened here is never closed (the file ends first);"
                        + " add the closing quote",
                problem("title: 'Beach day\n").getMessage());
    }

    @Test
    void anUnclosedBracketNamesWhereItOpens() {
        assertEquals(
                "m.yaml:2:7: invalid YAML: while parsing a flow sequence (line 1, column 7),"
                        + " expected ',' or ']', but got :",
                problem("tags: [a, b\nrating: 3\n").getMessage());
    }

    @Test
    void aTabIsReportedAtItsPosition() {
        assertEquals(
                "m.yaml:2:1: invalid YAML: while scanning for the next token, found character '\\t(TAB)' that"
                        + " cannot start any token. (Do not use \\t(TAB) for indentation)",
                problem("title: x\n\trating: 3\n").getMessage());
    }

    @Test
    void everyDuplicateKeyIsReported() {
        YamlProblem problem = assertThrows(
                YamlProblem.class,
                () -> YamlDocument.parse(Path.of("m.yaml"), "a: 1\nb: 2\na: 3\nb: 4\n")
                        .asMap());
        assertEquals(
                "m.yaml:3:1: key 'a' appears twice (first at line 1)\n"
                        + "m.yaml:4:1: key 'b' appears twice (first at line 2)",
                problem.getMessage());
    }
}
