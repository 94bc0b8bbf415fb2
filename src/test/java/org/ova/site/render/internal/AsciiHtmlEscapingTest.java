package org.ova.site.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class AsciiHtmlEscapingTest {

    private final AsciiHtmlEscaping escaping = new AsciiHtmlEscaping();

    @Test
    void plainAsciiComesBackAsItIs() {
        String text = "Summer trip 2024 (part 1)";
        assertSame(text, escaping.escape(text));
    }

    @Test
    void questionMarksAreTextNotCharactersOutsideLatin1() {
        String question = "Why? Because.";
        assertSame(question, escaping.escape(question));
        assertEquals("Why? &#26481;?", escaping.escape("Why? 東?"));
        assertEquals("&#255;?", escaping.escape("ÿ?"));
    }

    @Test
    void markupAndEveryNonAsciiCharacterBecomeReferences() {
        assertEquals(
                "&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39; caf&#233; &#26481;&#20140; &#127754;",
                escaping.escape("<b> & \"x\" 'y' café 東京 🌊"));
    }

    @Test
    void browsersReadTheSameTextBack() {
        String text = "<b> & \"x\" 'y' café 東京 🌊 ★";
        assertEquals(
                text,
                Jsoup.parse("<p title=\"" + escaping.escape(text) + "\">" + escaping.escape(text))
                        .selectFirst("p")
                        .text());
    }
}
