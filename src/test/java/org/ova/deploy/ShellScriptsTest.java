package org.ova.deploy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every script under deploy/ parses in the shell its first line names, and can be run as it is. */
class ShellScriptsTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyScriptParsesInItsShellAndIsExecutable() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(Path.of("deploy"))) {
            scripts = files.filter(Files::isRegularFile)
                    .filter(file -> shebang(file).startsWith("#!"))
                    .sorted()
                    .toList();
        }
        assertTrue(scripts.size() >= 6, "deploy/ scripts found: " + scripts);
        return scripts.stream()
                .map(script -> DynamicTest.dynamicTest(script.toString(), () -> {
                    String shell = shebang(script).contains("bash") ? "bash" : "sh";
                    FakeCommands.Result parse = new FakeCommands(Files.createTempDirectory(dir, "parse"))
                            .run(List.of(shell, "-n", script.toString()), Map.of());

                    assertEquals(0, parse.exitCode(), parse.output());
                    assertTrue(Files.isExecutable(script), script + " lacks its executable bit (chmod +x)");
                }));
    }

    private static String shebang(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, UTF_8)) {
            String first = reader.readLine();
            return first == null ? "" : first;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
