package org.ova.repo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Small readers over Jackson's streaming parser for ova's machine-data files, which are read on
 * every build and so avoid data binding (it costs seconds on a cold JVM for large files). Each
 * reader moves to the next token and fails with an {@link IOException} when it is not what the
 * format says, so a broken file reads as "rebuild me" rather than as wrong data.
 */
public final class JsonTokens {

    private JsonTokens() {}

    public static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }

    /**
     * Like {@link #expect}, for readers that turn every format error into one unchecked exception.
     *
     * @throws IllegalArgumentException "expected {@code what} but found …"
     */
    public static void require(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + what + " but found " + actual);
        }
    }

    /** Moves to the field {@code name} and past nothing else. */
    public static void expectField(JsonParser in, String name) throws IOException {
        if (in.nextToken() != JsonToken.FIELD_NAME || !name.equals(in.currentName())) {
            throw new IOException("expected field " + name);
        }
    }

    /** Moves to the {@code "version"} field's number and checks it. */
    public static void expectVersion(JsonParser in, int version) throws IOException {
        expectField(in, "version");
        if (in.nextToken() != JsonToken.VALUE_NUMBER_INT || in.getIntValue() != version) {
            throw new IOException("not a version " + version + " file");
        }
    }

    public static String nextText(JsonParser in) throws IOException {
        expect(in.nextToken(), JsonToken.VALUE_STRING);
        return in.getText();
    }

    public static long nextLong(JsonParser in) throws IOException {
        expect(in.nextToken(), JsonToken.VALUE_NUMBER_INT);
        return in.getLongValue();
    }

    public static double nextDouble(JsonParser in) throws IOException {
        JsonToken token = in.nextToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IOException("expected a number, found " + token);
        }
        return in.getDoubleValue();
    }

    /** An array of strings. */
    public static List<String> nextStrings(JsonParser in) throws IOException {
        expect(in.nextToken(), JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>();
        JsonToken token;
        while ((token = in.nextToken()) == JsonToken.VALUE_STRING) {
            values.add(in.getText());
        }
        expect(token, JsonToken.END_ARRAY);
        return values;
    }
}
