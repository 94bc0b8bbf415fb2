package org.ova.site.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {

    @Test
    void textCannotCloseTheScriptElement() {
        assertEquals(
                "\"\\u003c/script>\\u003c!-- \\\"x\\\" \\\\ \\n\\t\\u2028\\u2029\\u0001\"",
                ScriptJson.write("</script><!-- \"x\" \\ \n\t\u2028\u2029\u0001"));
    }

    @Test
    void writesNestedValuesInOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1.5);
        map.put("a", List.of(2.0, true, "é"));
        map.put("n", null);
        map.put("o", Optional.of(3));
        map.put("e", Optional.empty());
        assertEquals("{\"b\":1.5,\"a\":[2,true,\"é\"],\"n\":null,\"o\":3,\"e\":null}", ScriptJson.write(map));
    }

    @Test
    void asciiFormEscapesEverythingOutsideAscii() {
        assertEquals(
                "[\"caf\\u00e9 \\u6771\\ud83c\\udf0a\",\"\\u003c\"]", ScriptJson.writeAscii(List.of("café 東🌊", "<")));
    }

    @Test
    void textOfOneBytePerCharacterIsEscapedLikeAnyOther() {
        String vtt = "WEBVTT\n\n00:00.000 --> 00:10.000\r\nsprite-1.jpg#xywh=0,0,160,90\t\"é\" <\\ ÿ";
        assertEquals(
                "\"WEBVTT\\n\\n00:00.000 --> 00:10.000\\r\\nsprite-1.jpg#xywh=0,0,160,90\\t\\\"é\\\" \\u003c\\\\ ÿ\"",
                ScriptJson.write(vtt));
        assertEquals(
                "\"WEBVTT\\n\\n00:00.000 --> 00:10.000\\r\\nsprite-1.jpg#xywh=0,0,160,90\\t\\\"\\u00e9\\\" \\u003c\\\\ "
                        + "\\u00ff\"",
                ScriptJson.writeAscii(vtt));
        assertEquals("\"Why?\\n\\u003c\"", ScriptJson.write("Why?\n<"), "a real question mark among escapes");
    }
}
