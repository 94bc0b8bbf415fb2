package org.ova.media.pipeline;

import static org.ova.repo.JsonTokens.expect;
import static org.ova.repo.JsonTokens.expectField;
import static org.ova.repo.JsonTokens.expectVersion;
import static org.ova.repo.JsonTokens.nextDouble;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.ova.media.ProbeResult;
import org.ova.repo.AtomicFiles;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.VrMode;

/**
 * The processing state of every video by id, kept in one machine-data file
 * ({@code .ova-repo/machine/processing.json}) so a build with nothing to do reads one file and runs
 * no ffmpeg at all. Written with Jackson's streaming API (fast on a cold JVM); a missing or broken
 * file means "process everything again". Safe for concurrent use.
 */
public final class ProcessingState {

    static final int FORMAT_VERSION = 2;
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, VideoState> videos;
    private volatile boolean changed;

    private ProcessingState(Map<String, VideoState> videos) {
        this.videos = videos;
    }

    public static ProcessingState empty() {
        return new ProcessingState(new ConcurrentHashMap<>());
    }

    /** The state in {@code file}; empty when it is missing, of another version, or broken. */
    public static ProcessingState load(Path file) {
        try (JsonParser parser = JSON.createParser(Files.readAllBytes(file))) {
            return new ProcessingState(read(parser));
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    public VideoState get(String id) {
        return videos.getOrDefault(id, VideoState.NEW);
    }

    public void put(String id, VideoState state) {
        if (!state.equals(videos.put(id, state))) {
            changed = true;
        }
    }

    /** Forgets videos whose ids are not in {@code liveIds}; returns the forgotten ids. */
    public Set<String> retain(Set<String> liveIds) {
        Set<String> gone = new java.util.HashSet<>(videos.keySet());
        gone.removeAll(liveIds);
        if (!gone.isEmpty()) {
            videos.keySet().removeAll(gone);
            changed = true;
        }
        return gone;
    }

    /** Writes the state when it changed since it was loaded or last saved. */
    public synchronized boolean saveIfChanged(Path file) {
        if (!changed && Files.exists(file)) {
            return false;
        }
        changed = false;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + videos.size() * 400);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("version", FORMAT_VERSION);
            out.writeObjectFieldStart("videos");
            for (Map.Entry<String, VideoState> entry : new TreeMap<>(videos).entrySet()) {
                out.writeFieldName(entry.getKey());
                write(out, entry.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the processing state " + file, e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
        return true;
    }

    private static void write(JsonGenerator out, VideoState state) throws IOException {
        out.writeStartObject();
        if (state.probe().isPresent()) {
            ProbeResult p = state.probe().get();
            out.writeArrayFieldStart("probe");
            out.writeNumber(p.durationSeconds());
            out.writeString(p.container());
            out.writeString(p.videoCodec());
            out.writeString(p.audioCodec().orElse(""));
            out.writeNumber(p.width());
            out.writeNumber(p.height());
            out.writeNumber(p.rotation());
            out.writeNumber(p.frameRate());
            out.writeNumber(p.bitRate());
            out.writeString(p.sideDataVr().projection().name());
            out.writeString(p.sideDataVr().stereo().name());
            out.writeNumber(p.keyframeInterval());
            out.writeStartArray();
            for (Chapter chapter : p.chapters()) {
                out.writeNumber(chapter.start());
                out.writeString(chapter.title());
            }
            out.writeEndArray();
            out.writeEndArray();
        }
        out.writeObjectFieldStart("steps");
        for (Map.Entry<String, String> step : new TreeMap<>(state.steps()).entrySet()) {
            out.writeStringField(step.getKey(), step.getValue());
        }
        out.writeEndObject();
        if (state.failure().isPresent()) {
            out.writeStringField("failure", state.failure().get());
        }
        out.writeEndObject();
    }

    private static Map<String, VideoState> read(JsonParser in) throws IOException {
        expect(in.nextToken(), JsonToken.START_OBJECT);
        expectVersion(in, FORMAT_VERSION);
        expectField(in, "videos");
        expect(in.nextToken(), JsonToken.START_OBJECT);
        Map<String, VideoState> videos = new ConcurrentHashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String id = in.currentName();
            videos.put(id, readVideo(in));
        }
        return videos;
    }

    private static VideoState readVideo(JsonParser in) throws IOException {
        expect(in.nextToken(), JsonToken.START_OBJECT);
        Optional<ProbeResult> probe = Optional.empty();
        Map<String, String> steps = new LinkedHashMap<>();
        Optional<String> failure = Optional.empty();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            switch (in.currentName()) {
                case "probe" -> probe = Optional.of(readProbe(in));
                case "steps" -> {
                    expect(in.nextToken(), JsonToken.START_OBJECT);
                    while (in.nextToken() == JsonToken.FIELD_NAME) {
                        String name = in.currentName();
                        steps.put(name, nextText(in));
                    }
                }
                case "failure" -> failure = Optional.of(nextText(in));
                default -> {
                    in.nextToken();
                    in.skipChildren();
                }
            }
        }
        return new VideoState(probe, steps, failure);
    }

    private static ProbeResult readProbe(JsonParser in) throws IOException {
        expect(in.nextToken(), JsonToken.START_ARRAY);
        double duration = nextDouble(in);
        String container = nextText(in);
        String videoCodec = nextText(in);
        String audioCodec = nextText(in);
        int width = (int) nextDouble(in);
        int height = (int) nextDouble(in);
        int rotation = (int) nextDouble(in);
        double frameRate = nextDouble(in);
        long bitRate = (long) nextDouble(in);
        VrMode vr = new VrMode(VrMode.Projection.valueOf(nextText(in)), VrMode.Stereo.valueOf(nextText(in)));
        double keyframeInterval = nextDouble(in);
        expect(in.nextToken(), JsonToken.START_ARRAY);
        List<Chapter> chapters = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            double start = in.getDoubleValue();
            chapters.add(new Chapter(start, nextText(in)));
        }
        expect(in.nextToken(), JsonToken.END_ARRAY);
        // the file is not stored: a renamed video keeps its state, and the pipeline knows the path
        return new ProbeResult(Path.of(""), duration, container, videoCodec,
                audioCodec.isEmpty() ? Optional.empty() : Optional.of(audioCodec), width, height, rotation,
                frameRate, bitRate, chapters, vr, keyframeInterval);
    }
}
