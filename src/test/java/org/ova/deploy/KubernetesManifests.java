package org.ova.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The manifests of deploy/kubernetes as parsed YAML documents, the way kubectl apply reads them. */
final class KubernetesManifests {

    static final Path DIR = Path.of("deploy", "kubernetes");

    private KubernetesManifests() {}

    /** Every YAML file of the folder. */
    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    /** The documents of one file, in order. */
    static List<JsonNode> documents(Path file) throws IOException {
        try (MappingIterator<JsonNode> documents =
                new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
            return new ArrayList<>(documents.readAll());
        }
    }

    /** The one document of {@code kind} in {@code file}. */
    static JsonNode the(String kind, String file) throws IOException {
        List<JsonNode> found = documents(DIR.resolve(file)).stream()
                .filter(document -> document.path("kind").asText().equals(kind))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(file + " has " + found.size() + " " + kind + " documents, expected 1");
        }
        return found.get(0);
    }

    /** The container of a Job's pod template (the manifests here have one each). */
    static JsonNode container(JsonNode job) {
        JsonNode containers = job.at("/spec/template/spec/containers");
        if (containers.size() != 1) {
            throw new AssertionError(job.at("/metadata/name") + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    /** A container's environment as the manifest sets it (plain values only). */
    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container
                .path("env")
                .forEach(variable -> env.put(
                        variable.path("name").asText(), variable.path("value").asText()));
        return env;
    }

    /** A list of strings: a command, access modes. */
    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
