package org.ova.repo.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses a person's YAML file into positioned nodes, so that every later complaint about a value
 * can name the file, line and column it came from. Syntax errors become {@link YamlProblem}s too,
 * and so does a file over the {@link YamlLimits}: checked before reading (file size), before
 * parsing (line length) and while parsing (each value as it is read, then with aliases expanded).
 */
public final class YamlDocument {

    private static final String END_OF_STREAM = "found unexpected end of stream";

    private YamlDocument() {}

    /** Reads and parses {@code file}; an empty file gives an empty mapping. */
    public static YamlNode read(Path file) {
        return parse(file, readText(file));
    }

    /**
     * The text of {@code file}, after checking its size against {@link YamlLimits#MAX_FILE_BYTES}.
     *
     * @throws YamlProblem when the file is too big
     * @throws UncheckedIOException when it cannot be read
     */
    public static String readText(Path file) {
        try {
            long size = Files.size(file);
            if (size > YamlLimits.MAX_FILE_BYTES) {
                throw tooBig(file, size);
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses {@code text} as the contents of {@code file}; an empty document gives an empty mapping. */
    public static YamlNode parse(Path file, String text) {
        if (text.length() > YamlLimits.MAX_FILE_BYTES) {
            throw tooBig(file, text.getBytes(StandardCharsets.UTF_8).length);
        }
        checkLineLengths(file, text);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(YamlLimits.MAX_FILE_BYTES);
        options.setMaxAliasesForCollections(50);
        try {
            SizeLimitingParser parser =
                    new SizeLimitingParser(new ParserImpl(new BoundedScanner(file, text, options)), file);
            Node root = new Composer(parser, new Resolver(), options).getSingleNode();
            if (root == null) {
                return new YamlNode(file, new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.BLOCK));
            }
            return new YamlNode(file, root);
        } catch (MarkedYAMLException e) {
            throw problem(file, e);
        } catch (YamlProblem e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new YamlProblem(file, 1, 1, "not valid UTF-8 text", e);
            }
            throw new YamlProblem(file, 1, 1, "not readable as YAML: " + e.getMessage(), e);
        }
    }

    private static YamlProblem tooBig(Path file, long size) {
        return new YamlProblem(
                file,
                1,
                1,
                "the file has " + size + " bytes, more than the limit of " + YamlLimits.size(YamlLimits.MAX_FILE_BYTES)
                        + ": keep long texts short and move the rest elsewhere");
    }

    // a long line costs the scanner seconds before the value on it could be refused, so it is refused unread
    private static void checkLineLengths(Path file, String text) {
        if (text.length() <= YamlLimits.MAX_LINE_CHARS) {
            return;
        }
        int line = 1;
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            if (stop - start > YamlLimits.MAX_LINE_CHARS) {
                throw new YamlProblem(
                        file,
                        line,
                        1,
                        "this line has " + (stop - start)
                                + " characters, more than the limit of " + YamlLimits.size(YamlLimits.MAX_LINE_CHARS)
                                + " per line: shorten it or break it into several lines");
            }
            if (end < 0) {
                return;
            }
            start = end + 1;
            line++;
        }
    }

    /**
     * A syntax error at the place to fix. A quote or bracket left open is reported where it opens,
     * not at the end of the file where the parser gave up looking for its end.
     */
    private static YamlProblem problem(Path file, MarkedYAMLException e) {
        String problem =
                e.getProblem() == null ? "invalid YAML" : e.getProblem().replace('\n', ' ');
        Mark context = e.getContextMark();
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : context;
        String reason;
        if (context != null && problem.startsWith(END_OF_STREAM)) {
            mark = context;
            reason = e.getContext().contains("quoted scalar")
                    ? "invalid YAML: the quote opened here is never closed (the file ends first); add the closing quote"
                    : "invalid YAML: " + e.getContext().replaceFirst("^while (scanning|parsing) ", "")
                            + " starting here is never closed (the file ends first)";
        } else if (context != null && e.getContext() != null && context.getLine() != mark.getLine()) {
            reason = "invalid YAML: " + e.getContext() + " (line " + (context.getLine() + 1) + ", column "
                    + (context.getColumn() + 1) + "), " + problem;
        } else {
            reason = "invalid YAML: " + (e.getContext() == null ? problem : e.getContext() + ", " + problem);
        }
        return mark == null
                ? new YamlProblem(file, 1, 1, reason, e)
                : new YamlProblem(file, mark.getLine() + 1, mark.getColumn() + 1, reason, e);
    }
}
