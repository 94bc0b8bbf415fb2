package org.ova.repo.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses a person's YAML file into positioned nodes, so that every later complaint about a value
 * can name the file, line and column it came from. Syntax errors become {@link YamlProblem}s too.
 */
public final class YamlDocument {

    private static final int MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

    private YamlDocument() {
    }

    /** Reads and parses {@code file}; an empty file gives an empty mapping. */
    public static YamlNode read(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Parses {@code text} as the contents of {@code file}; an empty document gives an empty mapping. */
    public static YamlNode parse(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        options.setMaxAliasesForCollections(50);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                return new YamlNode(file, new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.BLOCK));
            }
            return new YamlNode(file, root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String reason = describe(e);
            if (mark == null) {
                throw new YamlProblem(file, 1, 1, reason, e);
            }
            throw new YamlProblem(file, mark.getLine() + 1, mark.getColumn() + 1, reason, e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new YamlProblem(file, 1, 1, "not valid UTF-8 text", e);
            }
            throw new YamlProblem(file, 1, 1, "not readable as YAML: " + e.getMessage(), e);
        }
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext();
        String reason = context == null ? problem : context + ", " + problem;
        return "invalid YAML: " + reason.replace('\n', ' ');
    }
}
