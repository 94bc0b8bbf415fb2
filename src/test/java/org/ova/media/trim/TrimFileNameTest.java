package org.ova.media.trim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrimFileNameTest {

    @Test
    void namesTheTitleAndTheTimesInMinutesAndSeconds() {
        assertEquals("Beach day [01m02s-03m04s].mp4", TrimFileName.of("Beach day", 62.9, 184));
    }

    @Test
    void countsHoursFromTheFirstHourOn() {
        assertEquals("Talk [59m59s-1h00m01s].mp4", TrimFileName.of("Talk", 3599, 3601.5));
    }

    @Test
    void replacesWhatWindowsMacosOrLinuxRefuseAndTrailingDots() {
        assertEquals("a_b_c_d_e_f_g_h_i__ [00m00s-00m01s].mp4", TrimFileName.of("a<b>c:d\"e/f\\g|h?i*\u0001...", 0, 1));
        assertEquals("video [00m00s-00m01s].mp4", TrimFileName.of(" .. ", 0, 1));
    }

    @Test
    void asciiFormDropsAccentsAndReplacesTheRest() {
        assertEquals("Cafe _ 100_ [00m00s-00m01s].mp4", TrimFileName.ascii(TrimFileName.of("Café ☕ 100%", 0, 1)));
    }
}
