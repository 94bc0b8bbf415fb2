package org.ova.repo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlLimitsTest {

    @TempDir
    Path dir;

    /** Reads {@code file} in a child JVM with 256 MB of heap; its lines: processor time taken, then the problem. */
    private List<String> rejectInSmallHeap(Path file) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        YamlLimitProbe.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), output);
        List<String> lines = output.lines().toList();
        long millis = Long.parseLong(lines.get(0).replace(" ms", ""));
        assertTrue(millis < 1000, "rejected after " + millis + " ms");
        return lines;
    }

    /** A file just under the size limit that is one long value after {@code head}, in lines of {@code width}. */
    private Path bigValue(String head, int width, String indent) throws IOException {
        Path file = dir.resolve("big.yaml");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(head);
            long written = head.length();
            String line = indent + "w".repeat(width - indent.length() - 1) + "\n";
            while (written + line.length() < YamlLimits.MAX_FILE_BYTES) {
                out.write(line);
                written += line.length();
            }
        }
        return file;
    }

    @Test
    void aFourMegabyteValueOnOneLineIsRejectedUnparsedInUnderASecondWith256MbOfHeap() throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, "title: ok\ndescription: " + "w".repeat(YamlLimits.MAX_FILE_BYTES - 40) + "\n");
        List<String> lines = rejectInSmallHeap(file);
        assertEquals(
                file + ":2:1: this line has " + (YamlLimits.MAX_FILE_BYTES - 27) + " characters, more than the"
                        + " limit of 65 KB per line: shorten it or break it into several lines",
                lines.get(1));
    }

    @Test
    void aFourMegabyteBlockValueIsRejectedWhileReadInUnderASecondWith256MbOfHeap() throws Exception {
        Path file = bigValue("title: ok\ndescription: |\n", 80, "  ");
        List<String> lines = rejectInSmallHeap(file);
        assertEquals(
                file + ":2:13: the value from here runs on for more than 128 KB of the file; the limit is"
                        + " 64 KB per value: shorten it",
                lines.get(1));
    }

    @Test
    void aValueJustOverTheLimitIsRejectedWithItsLength() {
        String text = "a: 1\nb: |\n" + ("  " + "w".repeat(99) + "\n").repeat(YamlLimits.MAX_TEXT_CHARS / 100 + 1);
        YamlProblem problem = assertThrows(YamlProblem.class, () -> YamlDocument.parse(Path.of("m.yaml"), text));
        assertEquals(
                "m.yaml:2:4: this value has 65600 characters, more than the limit of 64 KB per value:" + " shorten it",
                problem.getMessage());
    }

    @Test
    void aFileOverTheSizeLimitIsRejectedWithoutBeingRead() throws IOException {
        Path file = dir.resolve("huge.yaml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(50L * 1024 * 1024);
        }
        long start = System.nanoTime();
        YamlProblem problem = assertThrows(YamlProblem.class, () -> YamlDocument.read(file));
        assertTrue(System.nanoTime() - start < 500_000_000L);
        assertEquals(
                file + ":1:1: the file has 52428800 bytes, more than the limit of 4 MB: keep long texts short"
                        + " and move the rest elsewhere",
                problem.getMessage());
    }

    @Test
    void aValueOverTheLimitSpreadOverManyLinesIsRejectedAtItsStart() {
        String text = "a: 1\nb: \""
                + "word ".repeat(YamlLimits.MAX_TEXT_CHARS / 5 + 1).replace("word word ", "word\n  word ") + "\"\n";
        YamlProblem problem = assertThrows(YamlProblem.class, () -> YamlDocument.parse(Path.of("m.yaml"), text));
        assertEquals(2, problem.line());
        assertEquals(4, problem.column());
        assertTrue(problem.reason().endsWith("more than the limit of 64 KB per value: shorten it"), problem.reason());
    }

    @Test
    void manyAliasesOfBigValuesAreRejected() {
        // a 1 MB file that stands for 600 MB of text: sixteen 60 KB values, each named ten thousand times
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            text.append("v")
                    .append(i)
                    .append(": &v")
                    .append(i)
                    .append(" ")
                    .append("x".repeat(60_000))
                    .append('\n');
        }
        text.append("all:\n");
        for (int i = 0; i < 10_000; i++) {
            text.append("  - *v").append(i % 16).append('\n');
        }
        YamlProblem problem =
                assertThrows(YamlProblem.class, () -> YamlDocument.parse(Path.of("bomb.yaml"), text.toString()));
        assertTrue(problem.getMessage().startsWith("bomb.yaml:"), problem.getMessage());
        assertTrue(
                problem.reason().startsWith("with its aliases (*name) expanded, the file holds more than 8 MB"),
                problem.reason());
        assertTrue(problem.line() > 17 && problem.line() < 10_018, problem.getMessage());
    }

    @Test
    void nestedAliasesOfListsAreRejectedWithoutExpandingThem() {
        String text = """
                a: &a [%s]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                """.formatted("x".repeat(10_000));
        YamlProblem problem = assertThrows(YamlProblem.class, () -> YamlDocument.parse(Path.of("n.yaml"), text));
        assertEquals(4, problem.line());
        assertTrue(problem.reason().startsWith("with its aliases (*name) expanded"), problem.reason());
    }

    @Test
    void aFewAliasesOfSmallValuesAreFine() {
        YamlNode root = YamlDocument.parse(Path.of("ok.yaml"), "tags: &t [sea, sun]\nmore: *t\nagain: *t\n");
        assertEquals(List.of("sea", "sun"), root.asMap().require("again").asStringList());
    }

    @Test
    void aBigFileOfManySmallValuesIsRead() {
        StringBuilder text = new StringBuilder("# a long manual playlist\nvideos:\n");
        while (text.length() < YamlLimits.MAX_FILE_BYTES - 100) {
            text.append("  - \"trips/2024/summer/beach day ")
                    .append(text.length())
                    .append(".mp4\"\n");
        }
        List<YamlNode> videos = YamlDocument.parse(Path.of("p.yaml"), text.toString())
                .asMap()
                .require("videos")
                .asList();
        assertTrue(videos.size() > 50_000, videos.size() + " items");
    }
}
