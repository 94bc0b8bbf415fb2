package org.ova.media.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void barShowsCountRateAndEta() {
        assertEquals(
                "[############            ] 10/20 videos  2.0/s  ETA 0:05",
                TerminalProgress.line("videos", 10, 20, 5.0));
        assertEquals("[                        ] 0/3 videos  0.0/s  ETA ?", TerminalProgress.line("videos", 0, 3, 0));
        assertEquals(
                "[########################] 7200/7200 videos  1.0/s  ETA 0:00",
                TerminalProgress.line("videos", 7200, 7200, 7200));
        assertTrue(TerminalProgress.line("videos", 1, 7201, 1.0).endsWith("ETA 2:00:00"));
    }

    @Test
    void logLinesPrintWithTheBarErasedAndThenRedrawn() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        progress.start("videos", 2);
        progress.printing(() -> terminal.writeBytes("LOG\n".getBytes(StandardCharsets.UTF_8)));
        progress.finish();
        String shown = terminal.toString(StandardCharsets.UTF_8);
        assertTrue(
                shown.matches("(?s)\\r\\[ +] 0/2 videos.*\\r\\033\\[2KLOG\\n\\r\\[ +] 0/2 videos.*\\r\\033\\[2K"),
                shown);
    }
}
