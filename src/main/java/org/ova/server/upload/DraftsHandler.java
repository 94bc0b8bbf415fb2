package org.ova.server.upload;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.media.jobs.Job;
import org.ova.media.jobs.ProcessingService;
import org.ova.repo.AtomicFiles;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.repo.MediaFacts;
import org.ova.repo.metadata.Chapter;
import org.ova.server.ApiPaths;
import org.ova.server.HttpProblem;
import org.ova.server.JobJson;
import org.ova.server.JsonAnswer;
import org.ova.server.JsonBody;
import org.ova.server.LiveLibrary;
import org.ova.server.UrlPaths;
import org.ova.server.edit.EditJsonReader;
import org.ova.server.edit.EditJsonWriter;
import org.ova.server.edit.EditOutcome;
import org.ova.server.edit.EditProblem;
import org.ova.server.edit.VideoEditor;
import org.ova.server.edit.VideoPatch;
import org.ova.site.SitePaths;

/**
 * The steps after an upload, for the Upload page and for scripts: a draft's state ({@code GET
 * /api/uploads[/{id}]}: what was made for it, its chapters, its last job), its chapters saved ({@code PUT …/chapters}), and then either published ({@code POST
 * …/publish}: the draft flag cleared, the video on the site) or cancelled ({@code DELETE}: its job stopped
 * and its file, metadata and media deleted). Works on every draft, uploaded or marked by hand.
 */
public final class DraftsHandler {

    private static final Logger LOG = LogManager.getLogger(DraftsHandler.class);
    private final LiveLibrary library;
    private final VideoEditor editor;
    private final Optional<ProcessingService> processing;
    private final String sitePrefix;
    private final Consumer<String> removed;

    /**
     * @param sitePrefix the site folder's path in the library, with a trailing slash (its pages' URLs)
     * @param removed  takes a video whose file was deleted out of the served library (its media and state
     *     too), given its library-relative path
     */
    public DraftsHandler(
            LiveLibrary library,
            VideoEditor editor,
            Optional<ProcessingService> processing,
            String sitePrefix,
            Consumer<String> removed) {
        this.library = library;
        this.editor = editor;
        this.processing = processing;
        this.sitePrefix = sitePrefix;
        this.removed = removed;
    }

    /** {@code GET /api/uploads}: every draft, newest first. */
    public void list(HttpServerExchange exchange) {
        List<Map<String, Object>> drafts = library.library().videos().stream()
                .filter(video -> video.metadata().draft())
                .sorted(Comparator.comparing(LibraryVideo::added).reversed().thenComparing(LibraryVideo::path))
                .map(this::json)
                .toList();
        JsonAnswer.send(exchange, 200, Map.of("drafts", drafts));
    }

    /** {@code GET /api/uploads/{id}}. */
    public void read(HttpServerExchange exchange) {
        JsonAnswer.send(exchange, 200, json(video(exchange)));
    }

    /** {@code PUT /api/uploads/{id}/chapters} with {@code {"chapters": [{at, title}, …]}}: 200, 400 with the problems. */
    public void saveChapters(HttpServerExchange exchange) throws IOException {
        LibraryVideo video = video(exchange);
        List<EditProblem> problems = new ArrayList<>();
        VideoPatch patch = EditJsonReader.chapters(body(exchange), problems);
        answer(exchange, editor.edit(video.id(), Optional.empty(), patch, problems));
    }

    /** {@code POST /api/uploads/{id}/publish}: the draft flag cleared; 200 with the video, now on the site. */
    public void publish(HttpServerExchange exchange) {
        LibraryVideo video = video(exchange);
        answer(
                exchange,
                editor.edit(video.id(), Optional.empty(), VideoPatch.none().withDraft(false)));
        LOG.info("Published {}.", video.path());
    }

    /**
     * {@code DELETE /api/uploads/{id}}: 204 once its job is stopped and its file, metadata, media and
     * processing state are gone; 409 for a published video (deleting those is not the upload's business).
     */
    public void cancel(HttpServerExchange exchange) {
        LibraryVideo video = video(exchange);
        if (!video.metadata().draft()) {
            throw new HttpProblem(
                    409,
                    "'" + video.path() + "' is published, not a draft: nothing was deleted",
                    "Only an upload not yet published can be cancelled; delete a published video's file by hand.");
        }
        processing.ifPresent(service -> service.cancel(video.id()));
        LibraryLayout layout = library.library().layout();
        Path file = layout.root().resolve(video.path());
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot delete " + file + ": " + e.getMessage() + " (check the folder's permissions)", e);
        }
        removed.accept(video.path());
        AtomicFiles.deleteQuietly(layout.metadataFile(video.path()));
        LOG.info("Cancelled the upload {}: its file, metadata and media are deleted.", video.path());
        exchange.setStatusCode(204);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.endExchange();
    }

    private void answer(HttpServerExchange exchange, EditOutcome outcome) {
        if (outcome instanceof EditOutcome.Applied applied) {
            JsonAnswer.send(
                    exchange, 200, json(library.video(applied.video().id()).orElseThrow()));
        } else if (outcome instanceof EditOutcome.Rejected rejected) {
            exchange.setStatusCode(400);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
            exchange.getResponseSender().send(ByteBuffer.wrap(EditJsonWriter.problems(rejected.problems())));
        } else if (outcome instanceof EditOutcome.NotFound notFound) {
            throw unknown(notFound.id());
        } else {
            // no If-Match is sent: an edit applies to whatever the file holds, it never conflicts
            throw new IllegalStateException("unexpected edit outcome " + outcome);
        }
    }

    /** The Upload page's view of {@code video}: see the README's upload API. */
    private Map<String, Object> json(LibraryVideo video) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", video.id());
        json.put("path", video.path());
        json.put("title", video.metadata().title());
        json.put("tags", video.metadata().tags());
        json.put("draft", video.metadata().draft());
        json.put("duration", video.media().map(MediaFacts::duration).orElse(null));
        json.put("src", url(Optional.of(video.path())));
        json.put("poster", url(video.generated().thumbnail()));
        json.put("thumbnailsVtt", url(video.generated().spritesVtt()));
        json.put("chaptersVtt", url(video.generated().chaptersVtt()));
        json.put("chapters", chapters(video.metadata().chapters()));
        json.put(
                "containerChapters",
                chapters(video.media().map(MediaFacts::chapters).orElse(List.of())));
        Optional<Job> job = processing.flatMap(service -> service.latest(video.id()));
        json.put("job", job.map(JobJson::of).orElse(null));
        json.put(
                "failure",
                job.flatMap(Job::failure).or(() -> video.generated().failure()).orElse(null));
        json.put("page", video.metadata().draft() ? null : url(Optional.of(sitePrefix + SitePaths.video(video.id()))));
        return json;
    }

    private static List<Map<String, Object>> chapters(List<Chapter> chapters) {
        return chapters.stream()
                .map(chapter -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("at", chapter.start());
                    json.put("title", chapter.title());
                    return json;
                })
                .toList();
    }

    private static String url(Optional<String> libraryPath) {
        return libraryPath.map(path -> "/" + UrlPaths.encode(path)).orElse(null);
    }

    private LibraryVideo video(HttpServerExchange exchange) {
        String id = ApiPaths.videoId(exchange);
        return library.video(id).orElseThrow(() -> unknown(id));
    }

    private static HttpProblem unknown(String id) {
        return HttpProblem.noVideo(id, "It may have been cancelled or deleted; see GET /api/uploads.");
    }

    private static byte[] body(HttpServerExchange exchange) throws IOException {
        return JsonBody.read(exchange, "The chapters are too large to save", "Send at most 1 MB of JSON.");
    }
}
