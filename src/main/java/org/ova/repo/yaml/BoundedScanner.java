package org.ova.repo.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Scanner;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.Token;

/**
 * SnakeYAML's scanner, stopped as soon as one step (finding the next token or two) has read more
 * than {@link YamlLimits#MAX_STEP_CHARS} of the file. Only a value runs that long, so an over-long
 * value is refused while it is being read, never built in memory: the scanner would otherwise
 * build a 4 MB value before anything could look at it (seconds on a long line, whose cost grows
 * with the square of its length). The exact limit per value is checked later, by
 * {@link SizeLimitingParser}.
 */
final class BoundedScanner implements Scanner {

    private final Path file;
    private final CountingReader input;
    private final StreamReader reader;
    private final ScannerImpl scanner;

    BoundedScanner(Path file, String text, LoaderOptions options) {
        this.file = file;
        this.input = new CountingReader(new StringReader(text));
        this.reader = new StreamReader(input);
        this.scanner = new ScannerImpl(reader, options);
    }

    @Override
    public boolean checkToken(Token.ID... choices) {
        return step(() -> scanner.checkToken(choices));
    }

    @Override
    public Token peekToken() {
        return step(scanner::peekToken);
    }

    @Override
    public Token getToken() {
        return step(scanner::getToken);
    }

    @Override
    public void resetDocumentIndex() {
        scanner.resetDocumentIndex();
    }

    private <T> T step(Supplier<T> call) {
        int line = reader.getLine();
        int column = reader.getColumn();
        input.startStep();
        try {
            return call.get();
        } catch (StepTooLong e) {
            throw new YamlProblem(
                    file,
                    line + 1,
                    column + 1,
                    "the value from here runs on for more than "
                            + YamlLimits.size(YamlLimits.MAX_STEP_CHARS) + " of the file; the limit is "
                            + YamlLimits.size(YamlLimits.MAX_TEXT_CHARS) + " per value: shorten it");
        }
    }

    /** Thrown from inside the scanner, which lets unchecked exceptions of its reader pass. */
    private static final class StepTooLong extends RuntimeException {
        StepTooLong() {
            super(null, null, false, false);
        }
    }

    /** Counts the characters the scanner pulls in during one step. */
    private static final class CountingReader extends Reader {
        private final Reader in;
        private long readInStep;

        CountingReader(Reader in) {
            this.in = in;
        }

        void startStep() {
            readInStep = 0;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            readInStep += Math.max(read, 0);
            if (readInStep > YamlLimits.MAX_STEP_CHARS) {
                throw new StepTooLong();
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
