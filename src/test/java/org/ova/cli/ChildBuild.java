package org.ova.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * {@code ova} run in a JVM of its own, as a user's shell runs it, so a test can {@code kill -9} it:
 * its output lines are collected as they come, and a test waits for the line that marks the moment.
 */
final class ChildBuild {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private ChildBuild(Process process) {
        this.process = process;
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        in.lines().forEach(output::add);
                    } catch (IOException e) {
                        // killed
                    }
                },
                "child-build-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code ova ARGS...} with this test JVM's classes. */
    static ChildBuild start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the JVM options of the ova launcher
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.ova.cli.Main"));
        command.addAll(List.of(args));
        return new ChildBuild(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    Process process() {
        return process;
    }

    /** The lines printed so far. */
    List<String> output() {
        return List.copyOf(output);
    }

    /** Waits until a printed line matches; fails when the build ends or a minute passes first. */
    void awaitLine(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (output.stream().anyMatch(wanted)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the build ended or took a minute before the awaited line; output: " + output);
    }

    /** {@code kill -9}: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
