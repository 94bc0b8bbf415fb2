package org.ova.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ova.deploy.KubernetesManifests.container;
import static org.ova.deploy.KubernetesManifests.env;
import static org.ova.deploy.KubernetesManifests.texts;
import static org.ova.deploy.KubernetesManifests.the;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shard pod's command, taken from the parsed manifest, run under sh as Kubernetes runs it with a
 * recording ova; and run.sh, the chain of both Jobs, with a recording kubectl.
 */
class KubernetesCommandsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "ova exits {0}: the pod exits {1}")
    @CsvSource({"0, 0", "1, 0", "2, 2", "3, 3"})
    void theSecondIndexProcessesShardTwoOfNAndExitOneCountsAsDone(int ovaExit, int podExit) throws Exception {
        JsonNode job = the("Job", "shards-job.yaml");
        FakeCommands fakes = new FakeCommands(dir).add("ova", "exit " + ovaExit);
        Map<String, String> env = new HashMap<>(env(container(job)));
        env.put("JOB_COMPLETION_INDEX", "1");

        FakeCommands.Result pod = fakes.run(texts(container(job).path("command")), env);

        int shards = job.at("/spec/completions").asInt();
        assertEquals(List.of("ova build /library --shard 2/" + shards), fakes.calls());
        assertEquals(podExit, pod.exitCode(), pod.output());
    }

    @Test
    void theIndexesZeroToNMinusOneCoverShardsOneToNEachOnce() throws Exception {
        JsonNode job = the("Job", "shards-job.yaml");
        int shards = job.at("/spec/completions").asInt();
        FakeCommands fakes = new FakeCommands(dir).add("ova", "exit 0");

        List<String> expected = new ArrayList<>();
        for (int index = 0; index < shards; index++) {
            Map<String, String> env = new HashMap<>(env(container(job)));
            env.put("JOB_COMPLETION_INDEX", String.valueOf(index));
            fakes.run(texts(container(job).path("command")), env);
            expected.add("ova build /library --shard " + (index + 1) + "/" + shards);
        }

        assertEquals(expected, fakes.calls());
    }

    @Test
    void runShAppliesTheRenderJobOnlyOnceTheShardJobHasFinished() throws Exception {
        FakeCommands fakes = new FakeCommands(dir).add("kubectl", """
                        case "$1 $2" in
                          "get job/ova-shards") [ "$(grep -c 'get job/ova-shards' "$calls")" -ge 3 ] && echo Complete ;;
                          "get job/ova-render") echo Complete ;;
                        esac
                        true""");

        FakeCommands.Result run = fakes.run(List.of("deploy/kubernetes/run.sh"), Map.of("OVA_POLL_SECONDS", "0"));

        String here = Path.of("deploy/kubernetes").toAbsolutePath().toString();
        assertEquals(
                List.of(
                        "kubectl apply -f " + here + "/library-volume.yaml",
                        "kubectl delete job ova-shards ova-render --ignore-not-found",
                        "kubectl apply -f " + here + "/shards-job.yaml",
                        "kubectl get job/ova-shards",
                        "kubectl get job/ova-shards",
                        "kubectl get job/ova-shards",
                        "kubectl apply -f " + here + "/render-job.yaml",
                        "kubectl get job/ova-render",
                        "kubectl logs job/ova-render"),
                fakes.calls().stream()
                        .map(call -> call.replaceFirst(" -o jsonpath=.*", ""))
                        .toList());
        assertEquals(0, run.exitCode(), run.output());
    }

    @Test
    void runShStillRendersAfterFailedShardsAndThenExitsOne() throws Exception {
        FakeCommands fakes = new FakeCommands(dir)
                .add("kubectl", "case \"$2\" in job/ova-shards) echo Failed;; job/ova-render) echo Complete;; esac");

        FakeCommands.Result run = fakes.run(List.of("deploy/kubernetes/run.sh"), Map.of());

        assertTrue(fakes.calls().stream().anyMatch(call -> call.endsWith("/render-job.yaml")), run.output());
        assertTrue(run.output().contains("ova-shards: Failed"), run.output());
        assertEquals(1, run.exitCode(), run.output());
    }
}
