package org.ova.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PersistentVolume;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.io.IOException;
import java.util.Map;

/**
 * Checks a manifest against the Kubernetes API schema of its apiVersion and kind, without a cluster:
 * the models of the official Java client (io.kubernetes:client-java-api) are generated from the
 * API's OpenAPI document, and each one's {@code validateJsonElement} rejects a field the schema does
 * not define, a missing required field, and a list or an object where the schema has another type,
 * at every depth of the manifest.
 */
final class KubernetesApiSchema {

    @FunctionalInterface
    private interface ModelCheck {
        void validate(JsonElement manifest) throws IOException;
    }

    private static final Map<String, ModelCheck> MODEL_BY_KIND = Map.of(
            "v1 PersistentVolume", V1PersistentVolume::validateJsonElement,
            "v1 PersistentVolumeClaim", V1PersistentVolumeClaim::validateJsonElement,
            "batch/v1 Job", V1Job::validateJsonElement);

    private KubernetesApiSchema() {}

    /** Throws IllegalArgumentException naming the first field that breaks the schema. */
    static void validate(JsonNode manifest) throws IOException {
        String kind = manifest.path("apiVersion").asText() + " "
                + manifest.path("kind").asText();
        ModelCheck model = MODEL_BY_KIND.get(kind);
        if (model == null) {
            throw new IllegalArgumentException(
                    "no Kubernetes schema known here for '" + kind + "'; add its model to KubernetesApiSchema");
        }
        model.validate(JsonParser.parseString(manifest.toString()));
    }
}
