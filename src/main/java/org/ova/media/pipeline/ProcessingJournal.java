package org.ova.media.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The states of videos finished since {@code processing.json} was last written, one JSON line each
 * ({@code {"id":"…","video":{…}}}) in {@code processing-journal.jsonl} beside it (a shard's beside its
 * own file). Appending a line
 * costs one write call, and once that returns the line survives the process being killed
 * ({@code kill -9}); the next load replays the lines, and a save folds them into the file.
 */
final class ProcessingJournal {

    private static final Logger LOG = LogManager.getLogger(ProcessingJournal.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private OutputStream out;
    /** Set when appending failed (a full disk): the state is then saved at the end only, said once. */
    private boolean failed;

    /** The end of a journal's name: {@code processing-journal.jsonl} is the journal of {@code processing.json}. */
    static final String SUFFIX = "-journal.jsonl";

    /** @param stateFile {@code processing.json}, or a shard's; the journal lives beside it */
    ProcessingJournal(Path stateFile) {
        this.file = fileOf(stateFile);
    }

    /** The journal of {@code stateFile}. */
    static Path fileOf(Path stateFile) {
        return stateFile.resolveSibling(ProcessingState.baseName(stateFile) + SUFFIX);
    }

    synchronized void append(String id, VideoState state) {
        if (failed) {
            return;
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeFieldName("video");
            VideoStateJson.write(json, state);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the processing state of " + id, e);
        }
        line.write('\n');
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            out.write(line.toByteArray());
        } catch (IOException e) {
            failed = true;
            LOG.warn("Could not append to {} ({}); the state is saved at the end of the build.", file, e.getMessage());
        }
    }

    /**
     * Puts the states in the journal of {@code stateFile} into {@code videos}, in order; a line cut short
     * by a kill ends the replay. Returns whether any state was applied.
     */
    static boolean replayInto(Path stateFile, Map<String, VideoState> videos) {
        Path file = fileOf(stateFile);
        if (!Files.exists(file)) {
            return false;
        }
        boolean applied = false;
        try {
            for (String line : Files.readAllLines(file)) {
                try (JsonParser in = JSON.createParser(line)) {
                    VideoStateJson.expect(in, in.nextToken(), JsonToken.START_OBJECT);
                    String id = null;
                    VideoState state = null;
                    while (in.nextToken() == JsonToken.FIELD_NAME) {
                        String field = in.currentName();
                        if (field.equals("video")) {
                            state = VideoStateJson.read(in);
                        } else {
                            in.nextToken();
                            if (field.equals("id")) {
                                id = in.getText();
                            }
                            in.skipChildren();
                        }
                    }
                    if (id != null && state != null) {
                        videos.put(id, state);
                        applied = true;
                    }
                } catch (IOException | IllegalArgumentException e) {
                    LOG.debug("{}: replay stopped at a line cut short ({})", file, e.getMessage());
                    break;
                }
            }
        } catch (IOException e) {
            LOG.warn(
                    "{} cannot be read ({}): videos finished by the last, interrupted build are processed again.",
                    file,
                    e.getMessage());
        }
        return applied;
    }

    /** Closes and deletes the journal, once its states are in {@code processing.json}. */
    synchronized void clear() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
