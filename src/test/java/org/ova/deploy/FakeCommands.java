package org.ova.deploy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A folder of stand-in commands ({@code ova}, {@code sbatch}, {@code kubectl}, {@code java}) that
 * record each call as one line, and a way to run the deploy scripts with that folder first on
 * {@code PATH}: the scripts run for real, only what they call is replaced.
 */
final class FakeCommands {

    /** What a script printed (stdout and stderr together) and how it exited. */
    record Result(int exitCode, String output) {}

    private final Path bin;
    private final Path calls;

    FakeCommands(Path dir) throws IOException {
        this.bin = Files.createDirectories(dir.resolve("bin"));
        this.calls = dir.resolve("calls.txt");
        Files.createFile(calls);
    }

    /**
     * Adds {@code name}: it appends "name arg1 arg2 ..." to the call log, then runs {@code shellBody}
     * (POSIX sh, where {@code $calls} is the call log; its last command's status is the exit code).
     */
    FakeCommands add(String name, String shellBody) throws IOException {
        Path script = bin.resolve(name);
        Files.writeString(
                script,
                "#!/bin/sh\ncalls='" + calls + "'\nprintf '%s\\n' \"" + name + " $*\" >> \"$calls\"\n" + shellBody
                        + "\n",
                UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    /** The calls made so far, in order, one "name args" line each. */
    List<String> calls() throws IOException {
        return Files.readAllLines(calls, UTF_8);
    }

    /** Runs {@code command} in the repository root with these fakes first on PATH and {@code env} added. */
    Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        return run(command, env, Path.of(""), Duration.ofSeconds(30));
    }

    /**
     * Runs {@code command} in {@code workingDir} with these fakes first on PATH and {@code env} added;
     * fails when it has not ended within {@code timeout}.
     */
    Result run(List<String> command, Map<String, String> env, Path workingDir, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(bin.getParent(), "output", ".txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(workingDir.toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    command + " did not end within " + timeout + ": " + Files.readString(output, UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, UTF_8));
    }
}
