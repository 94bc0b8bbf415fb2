package org.ova.repo.scan;

import static org.ova.repo.JsonTokens.expect;
import static org.ova.repo.JsonTokens.expectField;
import static org.ova.repo.JsonTokens.expectVersion;
import static org.ova.repo.JsonTokens.nextText;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ova.repo.AtomicFiles;

/**
 * The plan of a batch of metadata moves, written before the first file moves so that a run killed
 * in the middle is finished by the next one ({@link MetadataMover}). JSON with named fields:
 * {@code {"version":1,"moves":[{"id":…,"from":…,"to":…}]}}, in the order the moves are carried out.
 */
final class MovePlanFile {

    static final int FORMAT_VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private MovePlanFile() {}

    static void write(Path file, List<Move> moves) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("version", FORMAT_VERSION);
            out.writeArrayFieldStart("moves");
            for (Move move : moves) {
                out.writeStartObject();
                out.writeStringField("id", move.id());
                out.writeStringField("from", move.from());
                out.writeStringField("to", move.to());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the move plan for " + file, e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /**
     * @throws IOException when the file cannot be read or is not a plan this version wrote
     */
    static List<Move> read(Path file) throws IOException {
        try (JsonParser in = JSON.createParser(Files.readAllBytes(file))) {
            expect(in.nextToken(), JsonToken.START_OBJECT);
            expectVersion(in, FORMAT_VERSION);
            expectField(in, "moves");
            expect(in.nextToken(), JsonToken.START_ARRAY);
            List<Move> moves = new ArrayList<>();
            while (in.nextToken() == JsonToken.START_OBJECT) {
                expectField(in, "id");
                String id = nextText(in);
                expectField(in, "from");
                String from = nextText(in);
                expectField(in, "to");
                String to = nextText(in);
                expect(in.nextToken(), JsonToken.END_OBJECT);
                if (!CatalogStore.staysInside(from) || !CatalogStore.staysInside(to)) {
                    throw new IOException("a move leads out of the library: " + from + " -> " + to);
                }
                moves.add(new Move(id, from, to));
            }
            expect(in.currentToken(), JsonToken.END_ARRAY);
            return moves;
        }
    }
}
