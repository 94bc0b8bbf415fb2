package org.ova.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static final int SIZE = 8 * 1024 * 1024;

    @TempDir
    Path dir;

    /** Run in a child JVM by the kill test: rewrites the target with all-'a' or all-'b' bytes forever. */
    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        byte[] a = new byte[SIZE];
        byte[] b = new byte[SIZE];
        Arrays.fill(a, (byte) 'a');
        Arrays.fill(b, (byte) 'b');
        for (long i = 0; ; i++) {
            AtomicFiles.write(target, i % 2 == 0 ? a : b);
        }
    }

    @Test
    void aWriterKilledAtAnyMomentLeavesAWholeOldOrNewFile() throws Exception {
        Path target = dir.resolve("state.bin");
        String classpath = Path.of(AtomicFiles.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                + File.pathSeparator
                + Path.of(AtomicFilesTest.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 4; round++) {
            Process writer = new ProcessBuilder(
                            java, "-cp", classpath, AtomicFilesTest.class.getName(), target.toString())
                    .redirectErrorStream(true)
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(target) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(150 + round * 70L);
            writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            byte[] content = Files.readAllBytes(target);
            assertEquals(SIZE, content.length, "a killed write left a partial file");
            byte first = content[0];
            assertTrue(first == 'a' || first == 'b');
            for (byte value : content) {
                if (value != first) {
                    throw new AssertionError("a killed write mixed old and new bytes");
                }
            }
        }
    }

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("sub/config.yaml");
        AtomicFiles.write(target, "one");
        AtomicFiles.write(target, "two");
        assertEquals("two", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(
                    List.of("config.yaml"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("keep.txt");
        Files.writeString(target, "old");
        Path blocked = dir.resolve("keep.txt/child");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(blocked, "new"));
        assertEquals("old", Files.readString(target));
    }

    @Test
    void writtenFilesAndFoldersAreWorldReadableLikeAnyNewFile() throws IOException {
        Path target = dir.resolve("new/folder/catalog.json");
        AtomicFiles.write(target, "one");
        assertWorldReadable(target);
        assertWorldReadable(target.getParent());
        AtomicFiles.write(target, "two, an edit");
        assertWorldReadable(target);
        AtomicFiles.replaceIfChanged(target, "three".getBytes(StandardCharsets.UTF_8));
        assertWorldReadable(target);
        AtomicFiles.createIfAbsent(dir.resolve("template.yaml"), "x");
        assertWorldReadable(dir.resolve("template.yaml"));
    }

    static void assertWorldReadable(Path path) throws IOException {
        Set<PosixFilePermission> modes = Files.getPosixFilePermissions(path);
        assertTrue(
                modes.contains(PosixFilePermission.OTHERS_READ) && modes.contains(PosixFilePermission.GROUP_READ),
                path + " is " + PosixFilePermissions.toString(modes));
    }

    @Test
    void temporaryFilesHaveOneRecognisableName() throws IOException {
        Path target = dir.resolve("sprites.vtt");
        Path temp = AtomicFiles.stage(target, "WEBVTT".getBytes(StandardCharsets.UTF_8));
        assertTrue(temp.getFileName().toString().matches("\\.sprites\\.vtt\\.ova-[0-9a-f]{16}\\.tmp"), temp.toString());
        assertTrue(AtomicFiles.isTempFile(temp));
        assertFalse(Files.exists(target), "staged, not yet in place");
        AtomicFiles.commit(temp, target);
        assertEquals("WEBVTT", Files.readString(target));
        assertFalse(AtomicFiles.isTempFile(target));
        assertFalse(AtomicFiles.isTempFile(dir.resolve(".x.ova-12.tmp")));
        assertFalse(AtomicFiles.isTempFile(dir.resolve("notes.ova-0123456789abcdef.tmp")));
    }

    @Test
    void writeIfChangedSkipsIdenticalBytes() throws IOException {
        Path target = dir.resolve("page.html");
        assertTrue(AtomicFiles.writeIfChanged(target, "<p>".getBytes(StandardCharsets.UTF_8)));
        assertFalse(AtomicFiles.writeIfChanged(target, "<p>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(AtomicFiles.writeIfChanged(target, "<b>".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals("<b>".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
    }

    @Test
    void createIfAbsentNeverReplacesAnExistingFile() throws IOException {
        Path target = dir.resolve("meta/a.mp4.yaml");
        assertTrue(AtomicFiles.createIfAbsent(target, "template"));
        Files.writeString(target, "person's edit");
        assertFalse(AtomicFiles.createIfAbsent(target, "template"));
        assertEquals("person's edit", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
