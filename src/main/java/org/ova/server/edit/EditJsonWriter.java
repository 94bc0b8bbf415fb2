package org.ova.server.edit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.Marker;
import org.ova.repo.metadata.VideoMetadata;

/**
 * Writes the JSON the edit API answers with. A video:
 *
 * <pre>{"id": "…", "etag": "\"…\"", "title": "…", "description": "…", "tags": ["…"], "rating": 4,
 * "draft": false, "vr": {"projection": "auto", "stereo": "auto"},
 * "chapters": [{"at": 0.0, "title": "…"}], "markers": [{"at": 65.5, "label": "…", "tags": []}],
 * "duration": 120.0}</pre>
 *
 * <p>(times in seconds; {@code duration} is {@code null} when the video was not probed). Problems:
 * {@code {"error": "…", "detail": "…", "problems": [{"field": "chapters[2].at", "message": "…"}]}}; a
 * conflict: {@code {"error": "…", "detail": "…", "current": {video}}}.
 */
public final class EditJsonWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private EditJsonWriter() {}

    public static byte[] video(EditableVideo video) {
        return write(json -> writeVideo(json, video));
    }

    /**
     * The answer to a bulk edit: {@code {"videos": [...], "problems": [...]}}, the videos changed as
     * they are now and the problems of those that were not.
     */
    public static byte[] bulk(VideoEditor.BulkResult result) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("videos");
            for (EditableVideo video : result.videos()) {
                writeVideo(json, video);
            }
            json.writeEndArray();
            writeProblems(json, result.problems());
            json.writeEndObject();
        });
    }

    /**
     * The body of a 409: {@code {"error": "…", "detail": "…", "current": {video}}}, the video as its
     * file holds it now, so the editor can show what changed and edit again from there.
     */
    public static byte[] conflict(EditableVideo current) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("error", "the video was changed since it was read: the edit was not saved");
            json.writeStringField(
                    "detail", "\"current\" holds the video as it is now; edit that and send its etag in If-Match.");
            json.writeFieldName("current");
            writeVideo(json, current);
            json.writeEndObject();
        });
    }

    /** The body of a 400: every problem, each with its field. */
    public static byte[] problems(List<EditProblem> problems) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("error", "the edit was not saved");
            json.writeStringField(
                    "detail",
                    problems.size() == 1
                            ? problems.get(0).field() + ": " + problems.get(0).message()
                            : problems.size() + " problems: see the list");
            writeProblems(json, problems);
            json.writeEndObject();
        });
    }

    private static void writeProblems(JsonGenerator json, List<EditProblem> problems) throws IOException {
        json.writeArrayFieldStart("problems");
        for (EditProblem problem : problems) {
            json.writeStartObject();
            json.writeStringField("field", problem.field());
            json.writeStringField("message", problem.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeVideo(JsonGenerator json, EditableVideo video) throws IOException {
        VideoMetadata m = video.metadata();
        json.writeStartObject();
        json.writeStringField("id", video.id());
        json.writeStringField("etag", video.etag());
        json.writeStringField("title", m.title());
        json.writeStringField("description", m.description());
        writeStrings(json, "tags", m.tags());
        json.writeNumberField("rating", m.rating());
        json.writeBooleanField("draft", m.draft());
        json.writeObjectFieldStart("vr");
        json.writeStringField("projection", m.vr().projection().yamlName());
        json.writeStringField("stereo", m.vr().stereo().yamlName());
        json.writeEndObject();
        json.writeArrayFieldStart("chapters");
        for (Chapter chapter : m.chapters()) {
            json.writeStartObject();
            json.writeNumberField("at", chapter.start());
            json.writeStringField("title", chapter.title());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("markers");
        for (Marker marker : m.markers()) {
            json.writeStartObject();
            json.writeNumberField("at", marker.at());
            json.writeStringField("label", marker.label());
            writeStrings(json, "tags", marker.tags());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (video.duration().isPresent()) {
            json.writeNumberField("duration", video.duration().getAsDouble());
        } else {
            json.writeNullField("duration");
        }
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write JSON into memory", e);
        }
        return out.toByteArray();
    }
}
