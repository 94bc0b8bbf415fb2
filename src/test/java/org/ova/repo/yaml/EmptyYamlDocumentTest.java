package org.ova.repo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmptyYamlDocumentTest {

    @Test
    void emptyOrCommentOnlyDocumentIsAnEmptyMapping() {
        for (String text : new String[] {"", "\n", "# only a comment\n"}) {
            YamlNode root = YamlDocument.parse(Path.of("empty.yaml"), text);
            assertTrue(root.isMap(), text);
            assertEquals(0, root.asMap().keys().size(), text);
        }
    }
}
