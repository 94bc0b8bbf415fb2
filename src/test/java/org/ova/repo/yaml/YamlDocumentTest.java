package org.ova.repo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
