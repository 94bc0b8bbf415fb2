package org.ova.site.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordAttributesTest {

    /** Package-private, as most of ova's view records are; Pebble itself calls only public methods. */
    record Clip(String title, int rating, List<String> tags) {
        public String shout() {
            return title.toUpperCase(Locale.ROOT);
        }
    }

    private static String render(String template, Map<String, Object> variables) throws Exception {
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(new StringLoader())
                .strictVariables(true)
                .extension(new AbstractExtension() {
                    @Override
                    public List<AttributeResolver> getAttributeResolver() {
                        return List.of(new RecordAttributes());
                    }
                })
                .build();
        StringWriter out = new StringWriter();
        engine.getTemplate(template).evaluate(out, variables);
        return out.toString();
    }

    @Test
    void recordComponentsAreReadByName() throws Exception {
        Clip clip = new Clip("Beach", 4, List.of("sea", "sun"));
        assertEquals(
                "Beach 4 sun", render("{{ clip.title }} {{ clip.rating }} {{ clip.tags[1] }}", Map.of("clip", clip)));
    }

    @Test
    void whatIsNotARecordComponentIsLeftToPebble() throws Exception {
        Clip clip = new Clip("Beach", 4, List.of());
        assertEquals(
                "BEACH value 5",
                render(
                        "{{ clip.shout() }} {{ map.key }} {{ clip.title.length }}",
                        Map.of("clip", clip, "map", Map.of("key", "value"))));
    }

    @Test
    void anUnknownAttributeStillFailsUnderStrictVariables() {
        PebbleException error = assertThrows(
                PebbleException.class,
                () -> render("{{ clip.nothing }}", Map.of("clip", new Clip("Beach", 4, List.of()))));
        assertEquals("nothing", error.getMessage().replaceAll(".*Attribute \\[(\\w+)\\].*", "$1"));
    }
}
