package org.ova.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PersistentVolume;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Checks a manifest against the Kubernetes API schema of its apiVersion and kind, without a cluster.
 * The models of the official Java client (io.kubernetes:client-java-api 24, the API of Kubernetes
 * 1.32) are generated from the API's OpenAPI document: each one's {@code validateJsonElement}
 * rejects a field the schema does not define, a missing required field, and a string, list or
 * object where the schema has another type, at every depth; reading the manifest into the model
 * then rejects a number or a quantity ({@code 4Gi}) that does not parse.
 */
final class KubernetesApiSchema {

    @FunctionalInterface
    private interface ShapeCheck {
        void validate(JsonElement manifest) throws IOException;
    }

    private record Model(Class<?> type, ShapeCheck shape) {}

    private static final Map<String, Model> MODEL_BY_KIND = Map.of(
            "v1 PersistentVolume", new Model(V1PersistentVolume.class, V1PersistentVolume::validateJsonElement),
            "v1 PersistentVolumeClaim",
                    new Model(V1PersistentVolumeClaim.class, V1PersistentVolumeClaim::validateJsonElement),
            "batch/v1 Job", new Model(V1Job.class, V1Job::validateJsonElement));

    /** Reads values into the models; the client's own Gson setup needs its HTTP stack, this needs none. */
    private static final Gson VALUES = new GsonBuilder()
            .registerTypeAdapter(OffsetDateTime.class, (JsonDeserializer<OffsetDateTime>)
                    (json, type, context) -> OffsetDateTime.parse(json.getAsString()))
            .create();

    private KubernetesApiSchema() {}

    /** Throws IllegalArgumentException naming the manifest and what in it breaks the schema. */
    static void validate(JsonNode manifest) throws IOException {
        String kind = manifest.path("apiVersion").asText() + " "
                + manifest.path("kind").asText();
        Model model = MODEL_BY_KIND.get(kind);
        if (model == null) {
            throw new IllegalArgumentException(
                    "no Kubernetes schema known here for '" + kind + "'; add its model to KubernetesApiSchema");
        }
        JsonElement json = JsonParser.parseString(manifest.toString());
        try {
            model.shape().validate(json);
            var unused = VALUES.fromJson(json, model.type());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    kind + " " + manifest.at("/metadata/name").asText() + ": " + e.getMessage(), e);
        }
    }
}
