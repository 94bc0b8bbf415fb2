package org.ova.repo.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ova.repo.yaml.YamlDocument;
import org.ova.repo.yaml.YamlProblem;

class TimeCodeTest {

    @Test
    void parsesPlainSeconds() {
        assertEquals(42.0, TimeCode.parse("42"));
        assertEquals(42.5, TimeCode.parse("42.5"));
        assertEquals(0.0, TimeCode.parse("0"));
        assertEquals(125.0, TimeCode.parse("125"));
    }

    @Test
    void parsesMinutesAndSeconds() {
        assertEquals(65.0, TimeCode.parse("1:05"));
        assertEquals(65.5, TimeCode.parse("1:05.5"));
        assertEquals(0.0, TimeCode.parse("0:00"));
        assertEquals(5.0, TimeCode.parse("0:5"));
        assertEquals(90 * 60.0, TimeCode.parse("90:00"));
    }

    @Test
    void parsesHoursMinutesAndSeconds() {
        assertEquals(3723.25, TimeCode.parse("1:02:03.250"));
        assertEquals(36000.0, TimeCode.parse("10:00:00"));
    }

    @Test
    void ignoresSurroundingSpaces() {
        assertEquals(65.0, TimeCode.parse(" 1:05 "));
    }

    @Test
    void rejectsNegativeTimes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeCode.parse("-3"));
        assertEquals("time '-3' is negative; times count from 0:00", e.getMessage());
    }

    @Test
    void rejectsSixtyOrMoreSecondsInClockForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeCode.parse("1:60"));
        assertEquals("time '1:60' has 60 seconds; seconds go up to 59", e.getMessage());
    }

    @Test
    void rejectsSixtyOrMoreMinutesInClockForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeCode.parse("1:75:00"));
        assertEquals("time '1:75:00' has 75 minutes; minutes go up to 59", e.getMessage());
    }

    @Test
    void rejectsGarbage() {
        for (String text : new String[] {"abc", "", "1:2:3:4", "1:", ":30", "1.2.3", "1e3", "1:05:", "12s"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeCode.parse(text));
            assertEquals(
                    "'" + text + "' is not a time; write seconds (42, 42.5) or m:ss, h:mm:ss (1:05, 1:02:03.5)",
                    e.getMessage());
        }
    }

    @Test
    void readReportsTheProblemAtTheNode() {
        Path file = Path.of("m.yaml");
        var node = YamlDocument.parse(file, "a: 1\nat:  1:99\n").asMap().require("at");
        YamlProblem p = assertThrows(YamlProblem.class, () -> TimeCode.read(node));
        assertEquals("m.yaml:2:6: time '1:99' has 99 seconds; seconds go up to 59", p.getMessage());
    }

    @Test
    void readRejectsAList() {
        var node = YamlDocument.parse(Path.of("m.yaml"), "at: [1]\n").asMap().require("at");
        YamlProblem p = assertThrows(YamlProblem.class, () -> TimeCode.read(node));
        assertEquals("m.yaml:1:5: expected a time such as 42, 1:05 or 1:02:03.5, found a list", p.getMessage());
    }

    @Test
    void formatsShortestClockFormWithMillisecondsOnlyWhenPresent() {
        assertEquals("0:00", TimeCode.format(0));
        assertEquals("0:42", TimeCode.format(42));
        assertEquals("1:05", TimeCode.format(65));
        assertEquals("1:05.500", TimeCode.format(65.5));
        assertEquals("59:59", TimeCode.format(3599));
        assertEquals("1:00:00", TimeCode.format(3600));
        assertEquals("1:02:03.250", TimeCode.format(3723.25));
        assertEquals("100:00:00", TimeCode.format(360000));
    }

    @Test
    void formatRoundsToTheMillisecond() {
        assertEquals("0:01.235", TimeCode.format(1.2346));
        assertEquals("0:02", TimeCode.format(1.9999));
    }

    @Test
    void formattedTimesParseBack() {
        for (double seconds : new double[] {0, 0.001, 59.999, 65.5, 3599.5, 3723.25, 86400.125}) {
            assertEquals(seconds, TimeCode.parse(TimeCode.format(seconds)), 1e-9);
        }
    }

    @Test
    void formatRejectsNegativeAndNotANumber() {
        assertThrows(IllegalArgumentException.class, () -> TimeCode.format(-1));
        assertThrows(IllegalArgumentException.class, () -> TimeCode.format(Double.NaN));
    }
}
