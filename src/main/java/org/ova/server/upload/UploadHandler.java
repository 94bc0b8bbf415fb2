package org.ova.server.upload;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.AtomicFiles;
import org.ova.repo.LibraryLayout;
import org.ova.repo.config.ServerOptions;
import org.ova.server.HttpProblem;
import org.ova.server.JsonAnswer;

/**
 * {@code POST /api/uploads}: one video per request as {@code multipart/form-data} with the parts
 * {@code file}, {@code folder}, {@code title} and {@code tags} (comma-separated). Its size (from
 * {@code Content-Length}), the disk's free space and the file's name and extension are checked before
 * any byte is stored; the bytes stream to the uploads folder ({@link UploadStore}) as they arrive, and
 * only a complete upload is placed into the library, as a draft ({@link DraftMetadata}) whose metadata
 * is there before the video is. Answers 201 with {@code {id, path, title, tags, draft}}.
 */
public final class UploadHandler {

    private static final Logger LOG = LogManager.getLogger(UploadHandler.class);
    /** How long a client may send nothing before its upload is given up. */
    private static final Duration IDLE = Duration.ofSeconds(60);
    /** The most a text part (folder, title, tags) may hold. */
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private final LibraryLayout layout;
    private final ServerOptions options;
    private final Supplier<Set<String>> extensions;
    private final UploadStore store;
    private final VideoIntake intake;

    /**
     * @param options    the server's settings (the uploads toggle, the size limit)
     * @param extensions the video extensions the library takes now ({@code library.extensions})
     */
    public UploadHandler(
            LibraryLayout layout,
            ServerOptions options,
            Supplier<Set<String>> extensions,
            UploadStore store,
            VideoIntake intake) {
        this.layout = layout;
        this.options = options;
        this.extensions = extensions;
        this.store = store;
        this.intake = intake;
    }

    public void upload(HttpServerExchange exchange) throws IOException {
        if (!options.uploads()) {
            throw HttpProblem.forbidden(
                    "Uploads are turned off", "Set server.uploads: true in .ova-repo/config.yaml to allow them.");
        }
        long maxBytes = options.maxUploadBytes();
        String boundary = boundary(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
        long length = exchange.getRequestContentLength();
        if (length > maxBytes + MAX_FIELD_BYTES) {
            throw UploadStore.tooLarge(maxBytes);
        }
        store.requireSpace(length > 0 ? length : maxBytes);
        exchange.setMaxEntitySize(maxBytes + 4L * MAX_FIELD_BYTES);
        Parts parts = new Parts(extensions.get(), maxBytes);
        try {
            parse(exchange, boundary, parts);
            Path received = parts.file();
            Path target = UploadFolder.of(layout, parts.field("folder")).resolve(parts.name);
            String title = parts.field("title").strip();
            List<String> tags = tags(parts.field("tags"));
            Path placed = store.place(
                    received, target, claimed -> DraftMetadata.write(layout, layout.relativize(claimed), title, tags));
            String path = layout.relativize(placed);
            LOG.info("Uploaded {} ({} bytes), a draft until published.", path, parts.part.size());
            String id;
            try {
                id = intake.added(path);
            } catch (IllegalArgumentException notTaken) {
                // a copy of a video the library has (or a file the scan skips): not kept, nothing else touched
                AtomicFiles.deleteQuietly(placed);
                AtomicFiles.deleteQuietly(layout.metadataFile(path));
                throw new HttpProblem(
                        409, "Not added: " + notTaken.getMessage(), "The upload was not kept; nothing else changed.");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", id);
            answer.put("path", path);
            answer.put("title", title);
            answer.put("tags", tags);
            answer.put("draft", true);
            JsonAnswer.send(exchange, 201, answer);
        } catch (IOException | RuntimeException e) {
            parts.discard();
            throw e;
        }
    }

    private static void parse(HttpServerExchange exchange, String boundary, Parts parts) throws IOException {
        new MultipartReader(new RequestBody(exchange.getRequestChannel(), IDLE), boundary).read(parts);
    }

    private static String boundary(String contentType) {
        String type = contentType == null ? "" : contentType;
        int at = type.toLowerCase(Locale.ROOT).indexOf("boundary=");
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || at < 0) {
            throw HttpProblem.badRequest(
                    "An upload is sent as multipart/form-data", "Send the parts file, folder, title and tags.");
        }
        String boundary =
                type.substring(at + "boundary=".length()).split(";")[0].strip();
        return boundary.startsWith("\"") && boundary.endsWith("\"") && boundary.length() > 1
                ? boundary.substring(1, boundary.length() - 1)
                : boundary;
    }

    /** The tags of {@code text} (comma-separated), trimmed, without empty ones and repeats. */
    static List<String> tags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : text.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return new ArrayList<>(tags);
    }

    /**
     * The parts as the reader meets them: the file's name checked at its part's headers, before its bytes;
     * its bytes into an {@link UploadPart}; the text parts kept.
     */
    private final class Parts implements MultipartReader.PartHandler {

        private final Set<String> extensions;
        private final long maxBytes;
        private final Map<String, ByteArrayOutputStream> fields = new HashMap<>();
        private UploadPart part;
        private String name;
        private String current;

        Parts(Set<String> extensions, long maxBytes) {
            this.extensions = extensions;
            this.maxBytes = maxBytes;
        }

        @Override
        public void beginPart(HeaderMap headers) throws IOException {
            String disposition = headers.getFirst(Headers.CONTENT_DISPOSITION);
            current = disposition == null ? null : Headers.extractQuotedValueFromHeader(disposition, "name");
            if ("file".equals(current)) {
                if (part != null) {
                    throw HttpProblem.badRequest("One file per upload", "Send each file in a request of its own.");
                }
                String sent = Headers.extractQuotedValueFromHeaderWithEncoding(disposition, "filename");
                name = UploadName.of(sent, extensions);
                part = store.open(maxBytes);
            } else if (current != null) {
                fields.put(current, new ByteArrayOutputStream());
            }
        }

        @Override
        public void data(ByteBuffer buffer) throws IOException {
            if (current == null) {
                return;
            }
            if ("file".equals(current)) {
                part.write(buffer);
            } else {
                ByteArrayOutputStream field = fields.get(current);
                if (field.size() + buffer.remaining() > MAX_FIELD_BYTES) {
                    throw HttpProblem.badRequest("The part '" + current + "' is too long", "");
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                field.write(bytes);
            }
        }

        @Override
        public void endPart() {
            current = null;
        }

        Path file() throws IOException {
            if (part == null) {
                throw HttpProblem.badRequest("The upload has no file", "Send the video as the part 'file'.");
            }
            if (part.size() == 0) {
                throw HttpProblem.badRequest("The file '" + name + "' is empty", "Pick the video again.");
            }
            return part.finish();
        }

        String field(String key) {
            ByteArrayOutputStream field = fields.get(key);
            return field == null ? "" : field.toString(StandardCharsets.UTF_8);
        }

        void discard() {
            if (part != null) {
                part.discard();
            }
        }
    }
}
