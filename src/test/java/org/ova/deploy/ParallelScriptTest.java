package org.ova.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/parallel/run.sh with the real GNU parallel, this machine (":") as the only ssh login and a
 * recording ova; skipped where GNU parallel is not installed (apt-get install parallel).
 */
class ParallelScriptTest {

    private static final String SCRIPT = Path.of("deploy", "parallel", "run.sh").toString();

    @TempDir
    Path dir;

    private Path logins;

    @BeforeEach
    void thisMachineAsTheOnlyLogin() throws Exception {
        assumeTrue(gnuParallelRuns(), "GNU parallel is not installed: deploy/parallel/run.sh is not run");
        logins = Files.writeString(dir.resolve("logins"), ":\n");
    }

    @Test
    void aShardWithFailedVideosRunsOnceACrashingOneIsRetriedAndTheRenderRunsHereAfterThem() throws Exception {
        FakeCommands fakes =
                new FakeCommands(dir).add("ova", "case \"$*\" in *--shard\\ 2/3) exit 3;; *) exit 1;; esac");

        FakeCommands.Result run = fakes.run(List.of(SCRIPT, "/srv/videos", "3", logins.toString()), Map.of());

        List<String> calls = fakes.calls();
        assertEquals(
                1, calls.stream().filter(call -> call.endsWith("--shard 1/3")).count(), calls.toString());
        assertTrue(calls.stream().filter(call -> call.endsWith("--shard 2/3")).count() > 1, calls.toString());
        assertEquals(
                1, calls.stream().filter(call -> call.endsWith("--shard 3/3")).count(), calls.toString());
        assertEquals("ova build /srv/videos --render-only", calls.get(calls.size() - 1));
        assertEquals(1, run.exitCode(), "the render's exit 1 names what is missing: " + run.output());
    }

    private static boolean gnuParallelRuns() throws InterruptedException {
        try {
            return new ProcessBuilder("parallel", "--version")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException noParallelCommand) {
            return false;
        }
    }
}
