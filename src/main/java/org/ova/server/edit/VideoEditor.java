package org.ova.server.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.ova.repo.AtomicFiles;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.MetadataParse;
import org.ova.repo.metadata.MetadataReader;
import org.ova.repo.metadata.MetadataRewriter;
import org.ova.repo.metadata.TitleFromFileName;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.yaml.YamlProblem;

/**
 * Edits videos' metadata files for the server: reads a video's editable state with its version,
 * and applies edits so that none is ever lost. Writes to one video are serialized (a lock per
 * stripe of ids); under the lock the file's current version is compared with the one the editor
 * read ({@code If-Match}), so a stale edit is refused with the current state instead of overwriting
 * a change it never saw, whether that change came from another editor or from a text editor. Each
 * applied edit is checked ({@link EditValidator}), written in place keeping the person's comments
 * ({@link MetadataRewriter}), read back through {@link MetadataReader}, written atomically, and the
 * site is refreshed before the edit returns; edits arriving while the site renders share the next
 * render. Every change of the library — edits, and through {@link #update} what the server learns
 * besides (a video processed, hand-edited files read again, video files added or removed) — is applied
 * under one lock and handed to {@code published} in the order applied, so none is lost and the server's
 * view never goes back to an older library.
 */
public final class VideoEditor {

    private static final int STRIPES = 64;

    private final AtomicReference<Library> library;
    private final CoalescedRefresh site;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    /** Serializes the changes of {@code library}, so that {@code published} hears them in order. */
    private final ReentrantLock changes = new ReentrantLock();

    private final Consumer<Library> published;

    public VideoEditor(Library library, SiteRefresh site) {
        this(library, site, now -> {});
    }

    /** @param published given each library after a change, in order, while no other change is applied */
    public VideoEditor(Library library, SiteRefresh site, Consumer<Library> published) {
        this.library = new AtomicReference<>(library);
        this.site = new CoalescedRefresh(site);
        this.published = published;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The library with every edit applied so far. */
    public Library library() {
        return library.get();
    }

    /**
     * Changes the library further edits apply to, atomically with them (an edit made meanwhile is kept),
     * for what the server learns besides edits (a video processed, hand edits read again, video files
     * added or removed); returns the library now. {@code change} runs once, under the lock of all
     * changes: it should only compute.
     */
    public Library update(UnaryOperator<Library> change) {
        Library now = apply(change);
        site.changedAll();
        return now;
    }

    private Library apply(UnaryOperator<Library> change) {
        changes.lock();
        try {
            Library now = change.apply(library.get());
            library.set(now);
            published.accept(now);
            return now;
        } finally {
            changes.unlock();
        }
    }

    /** The video's editable state as its file says now; empty when no video has this id. */
    public Optional<EditableVideo> read(String id) {
        return find(id).map(video -> {
            byte[] bytes = readBytes(metadataFile(video));
            String text = new String(bytes, StandardCharsets.UTF_8);
            MetadataParse parse = MetadataReader.parse(metadataFile(video), text, TitleFromFileName.of(video.path()));
            return new EditableVideo(id, parse.metadata(), video.duration(), MetadataVersion.etag(bytes));
        });
    }

    /**
     * Applies the edit in the JSON {@code body} (see {@link EditJsonReader}) to video {@code id}.
     *
     * @param ifMatch the version the editor read (an {@code If-Match} value); empty applies the edit to
     *                whatever the file holds now
     */
    public EditOutcome edit(String id, Optional<String> ifMatch, byte[] body) {
        List<EditProblem> problems = new ArrayList<>();
        VideoPatch patch = EditJsonReader.patch(body, problems);
        return edit(id, ifMatch, patch, problems);
    }

    /** Applies {@code patch} to video {@code id}; see {@link #edit(String, Optional, byte[])}. */
    public EditOutcome edit(String id, Optional<String> ifMatch, VideoPatch patch) {
        return edit(id, ifMatch, patch, List.of());
    }

    /**
     * Applies {@code patch} to video {@code id} unless {@code earlier} (the problems its reading found)
     * holds any: then nothing is written and every problem, these and the edit's own, is answered.
     */
    public EditOutcome edit(String id, Optional<String> ifMatch, VideoPatch patch, List<EditProblem> earlier) {
        Optional<LibraryVideo> video = find(id);
        if (video.isEmpty()) {
            return new EditOutcome.NotFound(id);
        }
        EditOutcome outcome = change(video.get(), ifMatch, current -> patch, earlier);
        if (outcome instanceof EditOutcome.Applied) {
            site.refresh(library::get);
        }
        return outcome;
    }

    /** Applies the bulk edit in the JSON {@code body} (see {@link EditJsonReader#bulk}); see {@link #bulkEdit(BulkEdit)}. */
    public BulkResult bulkEdit(byte[] body) {
        List<EditProblem> problems = new ArrayList<>();
        BulkEdit edit = EditJsonReader.bulk(body, problems);
        return problems.isEmpty() ? bulkEdit(edit) : new BulkResult(List.of(), problems);
    }

    /**
     * Applies {@code edit} to each of its videos, each file written atomically, then refreshes the
     * site once. Nothing is written when the edit itself has problems (an unknown id, a tag too long);
     * a video whose file cannot be edited is reported by its {@code ids[i]} and the others are applied.
     */
    public BulkResult bulkEdit(BulkEdit edit) {
        List<EditProblem> problems = new ArrayList<>();
        BulkEdit checked = edit.checked(problems);
        List<LibraryVideo> videos = new ArrayList<>();
        for (int i = 0; i < edit.ids().size(); i++) {
            Optional<LibraryVideo> video = find(edit.ids().get(i));
            if (video.isEmpty()) {
                problems.add(new EditProblem(
                        "ids[" + i + "]", "no video has the id " + edit.ids().get(i)));
            }
            video.ifPresent(videos::add);
        }
        if (!problems.isEmpty()) {
            return new BulkResult(List.of(), problems);
        }
        List<EditableVideo> applied = new ArrayList<>();
        for (int i = 0; i < videos.size(); i++) {
            EditOutcome outcome = change(videos.get(i), Optional.empty(), checked::patchFor, List.of());
            String field = "ids[" + i + "]";
            if (outcome instanceof EditOutcome.Applied done) {
                applied.add(done.video());
            } else if (outcome instanceof EditOutcome.Rejected rejected) {
                rejected.problems().forEach(p -> problems.add(new EditProblem(field, p.message())));
            }
        }
        site.refresh(library::get);
        return new BulkResult(applied, problems);
    }

    /** The answer to a bulk edit: the videos as they are now, and the ones that could not be changed. */
    public record BulkResult(List<EditableVideo> videos, List<EditProblem> problems) {
        public BulkResult {
            videos = List.copyOf(videos);
            problems = List.copyOf(problems);
        }
    }

    /** Reads, checks and writes one video's file under its lock; the site is not refreshed here. */
    private EditOutcome change(
            LibraryVideo video,
            Optional<String> ifMatch,
            Function<VideoMetadata, VideoPatch> patchOf,
            List<EditProblem> earlier) {
        Path file = metadataFile(video);
        String defaultTitle = TitleFromFileName.of(video.path());
        ReentrantLock lock = locks[Math.floorMod(video.id().hashCode(), STRIPES)];
        lock.lock();
        try {
            byte[] bytes = readBytes(file);
            String etag = MetadataVersion.etag(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            MetadataParse before = MetadataReader.parse(file, text, defaultTitle);
            if (ifMatch.isPresent() && !MetadataVersion.matches(ifMatch.get(), etag)) {
                return new EditOutcome.Conflict(
                        new EditableVideo(video.id(), before.metadata(), video.duration(), etag));
            }
            List<EditProblem> problems = new ArrayList<>(earlier);
            before.problems().forEach(p -> problems.add(fileProblem(p)));
            VideoMetadata after = EditValidator.apply(
                    before.metadata(), patchOf.apply(before.metadata()), video.duration(), problems);
            if (!problems.isEmpty()) {
                return new EditOutcome.Rejected(problems);
            }
            String written;
            try {
                written = MetadataRewriter.rewrite(file, text, before.metadata(), after);
            } catch (YamlProblem problem) {
                return new EditOutcome.Rejected(List.of(fileProblem(problem)));
            }
            if (written.equals(text)) {
                return new EditOutcome.Applied(
                        new EditableVideo(video.id(), before.metadata(), video.duration(), etag));
            }
            MetadataParse reread = MetadataReader.parse(file, written, defaultTitle);
            if (!reread.valid()) {
                return new EditOutcome.Rejected(
                        reread.problems().stream().map(this::fileProblem).toList());
            }
            VideoMetadata expected = after.title().isEmpty() ? retitled(after, defaultTitle) : after;
            if (!EditedMetadata.same(expected, reread.metadata())) {
                throw new IllegalStateException("the edit of " + file + " did not read back as written: wanted "
                        + expected + ", read " + reread.metadata());
            }
            AtomicFiles.write(file, written);
            apply(now -> withVideo(now, video.id(), reread.metadata()));
            site.changed(video.id());
            return new EditOutcome.Applied(
                    new EditableVideo(video.id(), reread.metadata(), video.duration(), MetadataVersion.etag(written)));
        } finally {
            lock.unlock();
        }
    }

    private Optional<LibraryVideo> find(String id) {
        return library.get().videos().stream().filter(v -> v.id().equals(id)).findFirst();
    }

    private Path metadataFile(LibraryVideo video) {
        return library.get().layout().metadataFile(video.path());
    }

    private EditProblem fileProblem(YamlProblem problem) {
        return new EditProblem(
                "",
                problem.messageRelativeTo(library.get().layout().root()) + " (fix the file by hand, then edit again)");
    }

    private static VideoMetadata retitled(VideoMetadata m, String title) {
        return new VideoMetadata(
                title, m.description(), m.tags(), m.rating(), m.chapters(), m.markers(), m.vr(), m.draft());
    }

    private static Library withVideo(Library library, String id, VideoMetadata metadata) {
        List<LibraryVideo> videos = new ArrayList<>(library.videos());
        videos.replaceAll(v -> v.id().equals(id) ? v.withMetadata(metadata) : v);
        return new Library(library.layout(), library.config(), videos, library.playlists(), library.duplicates());
    }

    // a missing file reads as empty: the edit creates it
    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
