package org.ova.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** deploy/slurm run as sbatch would run them, with a recording ova and sbatch on PATH. */
class SlurmScriptsTest {

    private static final Path SLURM = Path.of("deploy", "slurm").toAbsolutePath();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "ova exits {0}: the task exits {1} after {2} run(s)")
    @CsvSource({"0, 0, 1", "1, 0, 1", "2, 2, 1", "3, 3, 3"})
    void arrayTaskTwoProcessesShardTwoOfNRetryingOnlyCrashes(int ovaExit, int taskExit, int runs) throws Exception {
        FakeCommands fakes = new FakeCommands(dir).add("ova", "exit " + ovaExit);

        FakeCommands.Result task = fakes.run(
                List.of("bash", SLURM.resolve("shard.sbatch").toString(), "/srv/videos"),
                Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "4", "OVA_SHARDS", "4"));

        assertEquals(Collections.nCopies(runs, "ova build /srv/videos --shard 2/4"), fakes.calls());
        assertEquals(taskExit, task.exitCode(), task.output());
    }

    @Test
    void aResubmittedTaskKeepsTheSplitOfTheWholeRunNotTheSizeOfItsArray() throws Exception {
        FakeCommands fakes = new FakeCommands(dir).add("ova", "exit 0");

        fakes.run(
                List.of("bash", SLURM.resolve("shard.sbatch").toString(), "/srv/videos"),
                Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "1", "OVA_SHARDS", "4"));

        assertEquals(List.of("ova build /srv/videos --shard 3/4"), fakes.calls());
    }

    @Test
    void aTaskWithoutTheShardCountStopsWithUsageInsteadOfGuessing() throws Exception {
        FakeCommands fakes = new FakeCommands(dir).add("ova", "exit 0");

        FakeCommands.Result task = fakes.run(
                List.of("bash", SLURM.resolve("shard.sbatch").toString(), "/srv/videos"),
                Map.of("SLURM_ARRAY_TASK_ID", "2"));

        assertEquals(List.of(), fakes.calls());
        assertTrue(task.output().contains("usage: sbatch --array=1-N"), task.output());
    }

    @Test
    void theRenderStepRendersOnce() throws Exception {
        FakeCommands fakes = new FakeCommands(dir).add("ova", "exit 1");

        FakeCommands.Result render =
                fakes.run(List.of("bash", SLURM.resolve("render.sbatch").toString(), "/srv/videos"), Map.of());

        assertEquals(List.of("ova build /srv/videos --render-only"), fakes.calls());
        assertEquals(1, render.exitCode(), "the missing videos show as a failed render step");
    }

    @Test
    void submitChainsTheRenderAfterAnyEndOfTheWholeArray() throws Exception {
        FakeCommands fakes = new FakeCommands(dir)
                .add("sbatch", "case \"$*\" in *--array*) echo '4711;cluster';; *) echo 4712;; esac");

        FakeCommands.Result submit = fakes.run(
                List.of("bash", SLURM.resolve("submit.sh").toString(), "/srv/videos", "8", "--partition=gpu"),
                Map.of());

        assertEquals(
                List.of(
                        "sbatch --parsable --array=1-8 --export=ALL,OVA_SHARDS=8 --partition=gpu "
                                + SLURM.resolve("shard.sbatch") + " /srv/videos",
                        "sbatch --parsable --dependency=afterany:4711 " + SLURM.resolve("render.sbatch")
                                + " /srv/videos"),
                fakes.calls());
        assertEquals(0, submit.exitCode(), submit.output());
        assertTrue(submit.output().contains("render in job 4712"), submit.output());
    }
}
