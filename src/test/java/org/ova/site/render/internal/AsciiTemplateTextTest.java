package org.ova.site.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsciiTemplateTextTest {

    private static String render(String template, Map<String, Object> variables) throws Exception {
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(new StringLoader())
                .strictVariables(true)
                .addEscapingStrategy(AsciiHtmlEscaping.NAME, new AsciiHtmlEscaping())
                .defaultEscapingStrategy(AsciiHtmlEscaping.NAME)
                .extension(new AbstractExtension() {
                    @Override
                    public List<NodeVisitorFactory> getNodeVisitors() {
                        return List.of(AsciiTemplateText.FACTORY);
                    }
                })
                .build();
        StringWriter out = new StringWriter();
        engine.getTemplate(template).evaluate(out, variables);
        return out.toString();
    }

    @Test
    void templateTextOutsideAsciiBecomesReferencesWhereverItIsRendered() throws Exception {
        assertEquals(
                "<p>1 &#183; 2 &#8594; &#127754;</p>", render("<p>{{ a }} · {{ b }} → 🌊</p>", Map.of("a", 1, "b", 2)));
        assertEquals("<i>&#8230;</i>", render("{% if a %}<i>…</i>{% endif %}", Map.of("a", true)));
        assertEquals("&#183;&#183;", render("{% for x in xs %}·{% endfor %}", Map.of("xs", List.of(1, 2))));
        assertEquals("<b>&#8592;</b>", render("{% cache 'k' %}<b>←</b>{% endcache %}", Map.of()));
        assertEquals("&#233;", render("{% macro m() %}é{% endmacro %}{{ m() }}", Map.of()));
    }

    @Test
    void scriptAndStyleTextGetTheirOwnEscapes() throws Exception {
        assertEquals(
                "<script>var s = \"\\u2192\\ud83c\\udf0a\";</script> &#8594;",
                render("<script>var s = \"→🌊\";</script> →", Map.of()));
        assertEquals(
                "<STYLE>a::after{content:\"\\2192 \"}</STYLE>&#8594;",
                render("<STYLE>a::after{content:\"→\"}</STYLE>→", Map.of()));
    }
}
