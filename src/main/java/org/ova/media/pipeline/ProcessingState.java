package org.ova.media.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.AtomicFiles;

/**
 * The processing state of every video by id, kept in one machine-data file
 * ({@code .ova-repo/machine/processing.json}, one video per line, see {@link VideoStateJson}) so a
 * build with nothing to do reads one file and runs no ffmpeg at all. A missing or broken file means
 * "process everything again"; a broken one says so in one warning. Safe for concurrent use.
 *
 * <p>Each finished video is also {@link #record recorded} in a {@link ProcessingJournal}, which
 * {@link #load} replays and {@link #save} folds into the file: a killed build (even {@code kill -9})
 * never redoes videos that were finished, and a 10,000-video build appends each video once (about
 * 600 bytes) instead of rewriting the whole file (about 6 MB) after every video.
 */
public final class ProcessingState {

    static final int FORMAT_VERSION = 3;
    private static final Logger LOG = LogManager.getLogger(ProcessingState.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final ProcessingJournal journal;
    private final Map<String, VideoState> videos;
    private volatile boolean changed;

    private ProcessingState(Path file, Map<String, VideoState> videos) {
        this.file = file;
        this.journal = new ProcessingJournal(file);
        this.videos = videos;
    }

    /** The state in {@code file} plus its journal; empty when missing, of another version, or broken. */
    public static ProcessingState load(Path file) {
        Map<String, VideoState> videos = new ConcurrentHashMap<>();
        boolean unusable = false;
        try (JsonParser parser = JSON.createParser(Files.readAllBytes(file))) {
            read(parser, videos);
        } catch (NoSuchFileException e) {
            // first build, or deleted by the person: everything is processed
        } catch (JsonParseException e) {
            videos.clear();
            unusable = true;
            LOG.warn(
                    "{} is not valid JSON (line {}): every video is processed again.",
                    file,
                    e.getLocation().getLineNr());
        } catch (IOException | IllegalArgumentException e) {
            videos.clear();
            unusable = true;
            LOG.warn("{} cannot be used ({}): every video is processed again.", file, e.getMessage());
        }
        ProcessingState state = new ProcessingState(file, videos);
        // replayed videos are not in the file yet: the next save writes them; an unusable file is
        // replaced by the next save, so it is reported once, also where nothing is processed
        state.changed = state.journal.replayInto(videos) || unusable;
        return state;
    }

    public VideoState get(String id) {
        return videos.getOrDefault(id, VideoState.NEW);
    }

    /** Changes a video's state in memory; {@link #save} writes it. */
    public void put(String id, VideoState state) {
        if (!state.equals(videos.put(id, state))) {
            changed = true;
        }
    }

    /** Changes a video's state and appends it to the journal at once, so not even a kill loses it. */
    public void record(String id, VideoState state) {
        if (!state.equals(videos.put(id, state))) {
            changed = true;
            journal.append(id, state);
        }
    }

    /** Forgets videos whose ids are not in {@code liveIds}; returns the forgotten ids. */
    public Set<String> retain(Set<String> liveIds) {
        Set<String> gone = new HashSet<>(videos.keySet());
        gone.removeAll(liveIds);
        if (!gone.isEmpty()) {
            videos.keySet().removeAll(gone);
            changed = true;
        }
        return gone;
    }

    /** Writes the whole state when it changed since it was loaded or last saved, and empties the journal. */
    public synchronized boolean save() {
        if (!changed && Files.exists(file)) {
            return false;
        }
        changed = false;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + videos.size() * 600);
        try (JsonGenerator out = JSON.createGenerator(bytes).setPrettyPrinter(new OneVideoPerLine())) {
            out.writeStartObject();
            out.writeNumberField("version", FORMAT_VERSION);
            out.writeObjectFieldStart("videos");
            if (!videos.isEmpty()) {
                out.writeRaw('\n');
            }
            for (Map.Entry<String, VideoState> entry : new TreeMap<>(videos).entrySet()) {
                out.writeFieldName(entry.getKey());
                VideoStateJson.write(out, entry.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the processing state " + file, e);
        }
        bytes.write('\n');
        AtomicFiles.write(file, bytes.toByteArray());
        journal.clear();
        return true;
    }

    /** Compact JSON with a line break after each video, so a person (or diff) can read the file. */
    private static final class OneVideoPerLine extends MinimalPrettyPrinter {
        @Override
        public void writeObjectEntrySeparator(JsonGenerator out) throws IOException {
            out.writeRaw(out.getOutputContext().getNestingDepth() == 2 ? ",\n" : ",");
        }
    }

    private static void read(JsonParser in, Map<String, VideoState> videos) throws IOException {
        VideoStateJson.expect(in, in.nextToken(), JsonToken.START_OBJECT);
        int version = -1;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            if (field.equals("version")) {
                version = in.getValueAsInt(-1);
            } else if (field.equals("videos") && version == FORMAT_VERSION) {
                VideoStateJson.expect(in, value, JsonToken.START_OBJECT);
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String id = in.currentName();
                    videos.put(id, VideoStateJson.read(in));
                }
            } else {
                in.skipChildren();
            }
        }
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("format version " + version + ", this ova reads " + FORMAT_VERSION);
        }
    }
}
