package org.ova.media.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ova.media.ProbeResult;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.VrMode;

/**
 * One {@link VideoState} as a JSON object with named fields, written and read by streaming (a
 * token walk, no trees: ten thousand of them load in a few tens of milliseconds). Unknown fields
 * are skipped and missing ones take their defaults, so a newer ova can add fields.
 *
 * <pre>{"probe":{"duration":61.25,"container":"mov,mp4,m4a,3gp,3g2,mj2","videoCodec":"h264",
 *   "audioCodec":"aac","width":1920,"height":1080,"rotation":90,"frameRate":29.97,"bitRate":4000000,
 *   "vrProjection":"FLAT","vrStereo":"MONO","keyframeInterval":2.0,
 *   "chapters":[{"start":0.0,"title":"Intro"}]},
 *  "steps":{"thumbnail":{"key":"method=window-v1 width=640","file":"thumb.jpg"}},
 *  "failure":"Preview: …"}</pre>
 */
final class VideoStateJson {

    private VideoStateJson() {}

    static void write(JsonGenerator out, VideoState state) throws IOException {
        out.writeStartObject();
        if (state.probe().isPresent()) {
            ProbeResult p = state.probe().get();
            out.writeObjectFieldStart("probe");
            out.writeNumberField("duration", p.durationSeconds());
            out.writeStringField("container", p.container());
            out.writeStringField("videoCodec", p.videoCodec());
            if (p.audioCodec().isPresent()) {
                out.writeStringField("audioCodec", p.audioCodec().get());
            }
            out.writeNumberField("width", p.width());
            out.writeNumberField("height", p.height());
            out.writeNumberField("rotation", p.rotation());
            out.writeNumberField("frameRate", p.frameRate());
            out.writeNumberField("bitRate", p.bitRate());
            out.writeStringField("vrProjection", p.sideDataVr().projection().name());
            out.writeStringField("vrStereo", p.sideDataVr().stereo().name());
            out.writeNumberField("keyframeInterval", p.keyframeInterval());
            out.writeArrayFieldStart("chapters");
            for (Chapter chapter : p.chapters()) {
                out.writeStartObject();
                out.writeNumberField("start", chapter.start());
                out.writeStringField("title", chapter.title());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeObjectFieldStart("steps");
        for (MediaKind kind : MediaKind.values()) {
            StepOutput step = state.steps().get(kind);
            if (step != null) {
                out.writeObjectFieldStart(kind.folder());
                out.writeStringField("key", step.key());
                out.writeStringField("file", step.file());
                out.writeEndObject();
            }
        }
        out.writeEndObject();
        if (state.failure().isPresent()) {
            out.writeStringField("failure", state.failure().get());
        }
        out.writeEndObject();
    }

    /** Reads the object that starts at the parser's next token. */
    static VideoState read(JsonParser in) throws IOException {
        expect(in, in.nextToken(), JsonToken.START_OBJECT);
        Optional<ProbeResult> probe = Optional.empty();
        Map<MediaKind, StepOutput> steps = new EnumMap<>(MediaKind.class);
        Optional<String> failure = Optional.empty();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "probe" -> probe = Optional.of(readProbe(in, value));
                case "steps" -> readSteps(in, value, steps);
                case "failure" -> failure = Optional.of(in.getValueAsString(""));
                default -> in.skipChildren();
            }
        }
        return new VideoState(probe, steps, failure);
    }

    private static void readSteps(JsonParser in, JsonToken start, Map<MediaKind, StepOutput> steps) throws IOException {
        expect(in, start, JsonToken.START_OBJECT);
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            Optional<MediaKind> kind = MediaKind.ofFolder(in.currentName());
            expect(in, in.nextToken(), JsonToken.START_OBJECT);
            String key = "";
            String file = "";
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                switch (field) {
                    case "key" -> key = in.getValueAsString("");
                    case "file" -> file = in.getValueAsString("");
                    default -> in.skipChildren();
                }
            }
            if (kind.isPresent() && !file.isEmpty()) {
                steps.put(kind.get(), new StepOutput(key, file));
            }
        }
    }

    private static ProbeResult readProbe(JsonParser in, JsonToken start) throws IOException {
        expect(in, start, JsonToken.START_OBJECT);
        double duration = 0;
        String container = "";
        String videoCodec = "";
        Optional<String> audioCodec = Optional.empty();
        int width = 0;
        int height = 0;
        int rotation = 0;
        double frameRate = 0;
        long bitRate = 0;
        VrMode.Projection projection = VrMode.Projection.AUTO;
        VrMode.Stereo stereo = VrMode.Stereo.AUTO;
        double keyframeInterval = 0;
        List<Chapter> chapters = new ArrayList<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "duration" -> duration = in.getValueAsDouble();
                case "container" -> container = in.getValueAsString("");
                case "videoCodec" -> videoCodec = in.getValueAsString("");
                case "audioCodec" -> audioCodec = Optional.of(in.getValueAsString(""));
                case "width" -> width = in.getValueAsInt();
                case "height" -> height = in.getValueAsInt();
                case "rotation" -> rotation = in.getValueAsInt();
                case "frameRate" -> frameRate = in.getValueAsDouble();
                case "bitRate" -> bitRate = in.getValueAsLong();
                case "vrProjection" -> projection = VrMode.Projection.valueOf(in.getValueAsString(""));
                case "vrStereo" -> stereo = VrMode.Stereo.valueOf(in.getValueAsString(""));
                case "keyframeInterval" -> keyframeInterval = in.getValueAsDouble();
                case "chapters" -> readChapters(in, chapters);
                default -> in.skipChildren();
            }
        }
        // the file is not stored: a renamed video keeps its state, and the pipeline knows the path
        return new ProbeResult(
                Path.of(""),
                duration,
                container,
                videoCodec,
                audioCodec,
                width,
                height,
                rotation,
                frameRate,
                bitRate,
                chapters,
                new VrMode(projection, stereo),
                keyframeInterval);
    }

    private static void readChapters(JsonParser in, List<Chapter> chapters) throws IOException {
        expect(in, in.currentToken(), JsonToken.START_ARRAY);
        while (in.nextToken() == JsonToken.START_OBJECT) {
            double start = 0;
            String title = "";
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                switch (field) {
                    case "start" -> start = in.getValueAsDouble();
                    case "title" -> title = in.getValueAsString("");
                    default -> in.skipChildren();
                }
            }
            chapters.add(new Chapter(start, title));
        }
    }

    static void expect(JsonParser in, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new JsonParseException(in, "expected " + expected + " but found " + actual);
        }
    }
}
