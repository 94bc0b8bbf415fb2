package org.ova.repo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second JVM for the lock tests, with this test JVM's classes, started and waited for until it says it is ready. */
final class SecondProcess {

    private SecondProcess() {}

    /**
     * Runs {@code main} with {@code args} and waits for its first line.
     *
     * @throws IllegalStateException (the process killed) when that line does not start with {@code ready}
     */
    static Process start(Class<?> main, String ready, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String line =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith(ready)) {
            process.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " said: " + line);
        }
        return process;
    }
}
