package org.ova.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ova.deploy.KubernetesManifests.container;
import static org.ova.deploy.KubernetesManifests.env;
import static org.ova.deploy.KubernetesManifests.texts;
import static org.ova.deploy.KubernetesManifests.the;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * deploy/kubernetes: every manifest fits the Kubernetes API schema of its kind, and what a schema
 * cannot see holds too: one Indexed pod per shard, N the same everywhere, the library mounted where
 * the commands look for it, and the render Job rendering once.
 */
class KubernetesManifestsTest {

    private static final String SHARDS = "shards-job.yaml";
    private static final String RENDER = "render-job.yaml";
    private static final String VOLUME = "library-volume.yaml";

    @Test
    void everyManifestFitsTheKubernetesApiSchemaOfItsKind() throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (Path file : KubernetesManifests.files()) {
            for (JsonNode document : KubernetesManifests.documents(file)) {
                checks.add(() -> KubernetesApiSchema.validate(document));
            }
        }
        assertEquals(4, checks.size(), "PersistentVolume, PersistentVolumeClaim and two Jobs");
        assertAll(checks);
    }

    @Test
    void theSchemaCheckRejectsAMisspelledFieldDeepInAJobAMissingRequiredOneAndValuesOfTheWrongType() throws Exception {
        JsonNode job = the("Job", SHARDS);
        ObjectNode typo = job.deepCopy();
        ((ObjectNode) typo.at("/spec/template/spec/containers/0/volumeMounts/0")).put("mountpath", "/library");
        ObjectNode missing = job.deepCopy();
        ((ObjectNode) missing.at("/spec/template/spec/containers/0")).remove("name");
        ObjectNode notAList = job.deepCopy();
        ((ObjectNode) notAList.at("/spec/template/spec/containers/0")).put("command", "ova build /library");
        ObjectNode notANumber = job.deepCopy();
        ((ObjectNode) notANumber.path("spec")).put("completions", "four");
        ObjectNode notAQuantity = job.deepCopy();
        ((ObjectNode) notAQuantity.at("/spec/template/spec/containers/0/resources/requests")).put("memory", "lots");

        assertAll(
                () -> assertSchemaRejects(typo, "mountpath"),
                () -> assertSchemaRejects(missing, "name"),
                () -> assertSchemaRejects(notAList, "command"),
                () -> assertSchemaRejects(notANumber, "four"),
                () -> assertSchemaRejects(notAQuantity, "lots"));
    }

    @Test
    void theShardJobRunsOneIndexedPodPerShardAndSaysNTheSameInBothPlaces() throws Exception {
        JsonNode spec = the("Job", SHARDS).path("spec");
        int completions = spec.path("completions").asInt();
        int parallelism = spec.path("parallelism").asInt();

        assertEquals("Indexed", spec.path("completionMode").asText());
        assertEquals(
                String.valueOf(completions), env(container(the("Job", SHARDS))).get("OVA_SHARDS"));
        assertTrue(completions >= 2, "a split needs two shards or more, completions is " + completions);
        assertTrue(parallelism >= 1 && parallelism <= completions, "parallelism " + parallelism);
        assertTrue(spec.path("backoffLimitPerIndex").asInt() >= 1, "a crashed shard is retried on its own");
    }

    @Test
    void aConfigurationErrorStopsEveryShardWhileExitOneIsLeftToTheWrapper() throws Exception {
        JsonNode job = the("Job", SHARDS);
        List<JsonNode> failJob = rules(job, "FailJob");

        assertEquals("Never", job.at("/spec/template/spec/restartPolicy").asText(), "podFailurePolicy needs it");
        assertEquals(1, failJob.size());
        assertEquals(Set.of(2), exitCodes(failJob.get(0)));
        assertEquals(
                container(job).path("name").asText(),
                failJob.get(0).at("/onExitCodes/containerName").asText());
        assertTrue(
                StreamSupport.stream(job.at("/spec/podFailurePolicy/rules").spliterator(), false)
                        .filter(rule -> rule.has("onExitCodes"))
                        .noneMatch(rule -> exitCodes(rule).contains(1)),
                "exit 1 is done, no rule may count or fail it");
    }

    @Test
    void bothJobsFindTheSharedLibraryWhereTheirCommandLooksForIt() throws Exception {
        JsonNode volume = the("PersistentVolume", VOLUME);
        JsonNode claim = the("PersistentVolumeClaim", VOLUME);

        assertEquals(List.of("ReadWriteMany"), texts(volume.at("/spec/accessModes")));
        assertEquals(List.of("ReadWriteMany"), texts(claim.at("/spec/accessModes")));
        assertEquals(
                volume.at("/metadata/name").asText(),
                claim.at("/spec/volumeName").asText());
        assertEquals(volume.at("/spec/storageClassName"), claim.at("/spec/storageClassName"));
        assertFalse(texts(volume.at("/spec/mountOptions")).contains("nolock"), "ova's locks must reach the server");
        for (JsonNode job : List.of(the("Job", SHARDS), the("Job", RENDER))) {
            JsonNode mount = container(job).at("/volumeMounts/0");
            JsonNode podVolume = job.at("/spec/template/spec/volumes/0");
            String command = String.join(" ", texts(container(job).path("command")));

            assertEquals(mount.path("name"), podVolume.path("name"));
            assertEquals(claim.at("/metadata/name"), podVolume.at("/persistentVolumeClaim/claimName"));
            assertTrue(command.contains("ova build " + mount.path("mountPath").asText() + " "), command);
        }
    }

    @Test
    void theRenderJobRendersOnceWithTheShardsImageAndReportsMissingVideosWithoutRetrying() throws Exception {
        JsonNode render = the("Job", RENDER);
        List<String> command = texts(container(render).path("command"));

        assertEquals("--render-only", command.get(command.size() - 1));
        assertFalse(command.contains("--shard"));
        assertEquals(1, render.at("/spec/completions").asInt(1));
        assertEquals(
                container(the("Job", SHARDS)).path("image"), container(render).path("image"));
        assertEquals(Set.of(1, 2), exitCodes(rules(render, "FailJob").get(0)));
    }

    private static void assertSchemaRejects(JsonNode manifest, String named) {
        String error = assertThrows(IllegalArgumentException.class, () -> KubernetesApiSchema.validate(manifest))
                .getMessage();
        assertTrue(error.contains(named), error);
    }

    private static List<JsonNode> rules(JsonNode job, String action) {
        return StreamSupport.stream(job.at("/spec/podFailurePolicy/rules").spliterator(), false)
                .filter(rule -> rule.path("action").asText().equals(action))
                .toList();
    }

    private static Set<Integer> exitCodes(JsonNode rule) {
        assertEquals("In", rule.at("/onExitCodes/operator").asText());
        return Set.copyOf(StreamSupport.stream(rule.at("/onExitCodes/values").spliterator(), false)
                .map(JsonNode::asInt)
                .toList());
    }
}
