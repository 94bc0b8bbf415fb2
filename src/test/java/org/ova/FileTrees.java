package org.ova;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Folders copied, and compared file by file, byte for byte: what tests of "the same site" or "the same
 * media" need.
 */
public final class FileTrees {

    private FileTrees() {}

    /** Every file under {@code folder} by its path relative to it, with its bytes. */
    public static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** Copies {@code from} with everything in it to {@code to}, keeping each file's times. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Asserts that {@code actual} holds the same files as {@code expected}, with the same bytes. */
    public static void assertSame(Path expected, Path actual) throws IOException {
        Map<String, byte[]> want = contents(expected);
        Map<String, byte[]> got = contents(actual);
        assertEquals(want.keySet(), got.keySet(), actual.toString());
        want.forEach((name, bytes) -> assertArrayEquals(bytes, got.get(name), name));
    }
}
