package org.ova;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Folders compared file by file, byte for byte: what tests of "the same site" or "the same media" need. */
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

    /** Asserts that {@code actual} holds the same files as {@code expected}, with the same bytes. */
    public static void assertSame(Path expected, Path actual) throws IOException {
        Map<String, byte[]> want = contents(expected);
        Map<String, byte[]> got = contents(actual);
        assertEquals(want.keySet(), got.keySet(), actual.toString());
        want.forEach((name, bytes) -> assertArrayEquals(bytes, got.get(name), name));
    }
}
