package org.ova.deploy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/docker: the image's ova command runs java as the ./ova launcher does, the Dockerfile builds on
 * Debian's Java and ffmpeg as a non-root user, and, where a Docker daemon answers, the image builds.
 */
class DockerImageTest {

    private static final Path DOCKERFILE = Path.of("deploy", "docker", "Dockerfile");
    private static final Path OVA_IN_IMAGE = Path.of("deploy", "docker", "ova");

    @TempDir
    Path dir;

    @Test
    void theImagesOvaRunsTheJarWithTheLaunchersJvmOptions() throws Exception {
        FakeCommands fakes = new FakeCommands(dir).add("java", "exit 0");

        fakes.run(List.of(OVA_IN_IMAGE.toString(), "build", "/library", "--shard", "2/4"), Map.of());

        assertEquals(
                List.of("java " + launcherJvmOptions() + " -jar " + jarInImage() + " build /library --shard 2/4"),
                fakes.calls());
    }

    @Test
    void ovaJavaOptsReplacesTheJvmOptionsInTheImageAsInTheLauncher() throws Exception {
        FakeCommands fakes = new FakeCommands(dir).add("java", "exit 0");

        fakes.run(List.of(OVA_IN_IMAGE.toString(), "--version"), Map.of("OVA_JAVA_OPTS", "-Xmx2g -XX:+UseG1GC"));

        assertEquals(List.of("java -Xmx2g -XX:+UseG1GC -jar " + jarInImage() + " --version"), fakes.calls());
    }

    @Test
    void theImageIsBookwormWithDebiansJavaAndFfmpegRunningOvaAsAnotherUserThanRoot() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE, UTF_8);
        String ignored = Files.readString(Path.of(".dockerignore"), UTF_8);

        assertTrue(dockerfile.contains("\nFROM debian:bookworm-slim\n"), dockerfile);
        assertTrue(dockerfile.matches("(?s).*apt-get install [^\n]*openjdk-17-jre-headless ffmpeg\\b.*"), dockerfile);
        assertTrue(dockerfile.contains("\nCOPY " + OVA_IN_IMAGE + " /usr/local/bin/ova\n"), dockerfile);
        assertTrue(dockerfile.contains("\nENTRYPOINT [\"/usr/local/bin/ova\"]\n"), dockerfile);
        Matcher user = Pattern.compile("\nUSER (\\S+)\n").matcher(dockerfile);
        assertTrue(user.find(), "no USER line");
        assertNotEquals("root", user.group(1));
        assertNotEquals("0", user.group(1));
        for (String source : List.of("target/ova.jar", OVA_IN_IMAGE.toString())) {
            assertTrue(ignored.contains("\n!" + source + "\n"), ".dockerignore must let " + source + " through");
        }
    }

    @Test
    void theImageBuildsAndRunsOvaAsANonRootUserWhereDockerRuns() throws Exception {
        FakeCommands none = new FakeCommands(dir);
        assumeTrue(
                dockerAnswers(none),
                "no Docker here (no docker command, or docker info failed): the image is not built");

        // the first build installs Java and ffmpeg from Debian (minutes); later ones come from the cache
        FakeCommands.Result build = none.run(
                List.of("docker", "build", "-q", "-f", DOCKERFILE.toString(), "-t", "ova-deploy-test", "."),
                Map.of(),
                buildContext(),
                Duration.ofMinutes(10));
        assertEquals(0, build.exitCode(), build.output());
        FakeCommands.Result run = none.run(
                List.of(
                        "docker",
                        "run",
                        "--rm",
                        "--entrypoint",
                        "sh",
                        "ova-deploy-test",
                        "-c",
                        "id -u && command -v ova java ffmpeg"),
                Map.of());

        assertEquals(0, run.exitCode(), run.output());
        assertNotEquals("0", run.output().lines().findFirst().orElse(""), run.output());
    }

    private static boolean dockerAnswers(FakeCommands commands) throws InterruptedException {
        try {
            return commands.run(List.of("docker", "info"), Map.of()).exitCode() == 0;
        } catch (IOException noDockerCommand) {
            return false;
        }
    }

    /** The files the Dockerfile copies, at their repository paths; a stand-in jar when none is built. */
    private Path buildContext() throws Exception {
        Path context = dir.resolve("context");
        for (Path file : List.of(DOCKERFILE, OVA_IN_IMAGE, Path.of(".dockerignore"))) {
            Files.createDirectories(context.resolve(file).getParent());
            Files.copy(file, context.resolve(file));
        }
        Path jar = context.resolve("target/ova.jar");
        Files.createDirectories(jar.getParent());
        if (Files.exists(Path.of("target/ova.jar"))) {
            Files.copy(Path.of("target/ova.jar"), jar);
        } else {
            try (JarOutputStream empty = new JarOutputStream(Files.newOutputStream(jar))) {
                empty.finish();
            }
        }
        return context;
    }

    /** The JVM options the ./ova launcher passes when OVA_JAVA_OPTS is not set. */
    private String launcherJvmOptions() throws Exception {
        FakeCommands.Result options = new FakeCommands(dir.resolve("launcher"))
                .run(List.of("bash", "-c", "eval \"$(grep -E '^(jit|jvm)=' ova)\" && printf %s \"$jvm\""), Map.of());
        assertEquals(0, options.exitCode(), options.output());
        assertTrue(options.output().startsWith("-XX:"), "the launcher's jvm=: " + options.output());
        return options.output();
    }

    private static String jarInImage() throws Exception {
        Matcher copy = Pattern.compile("\nCOPY target/ova.jar (\\S+)\n").matcher(Files.readString(DOCKERFILE, UTF_8));
        assertTrue(copy.find(), "the Dockerfile copies no target/ova.jar");
        return copy.group(1);
    }
}
