package org.ova.server.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.repo.MediaFacts;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.metadata.MetadataReader;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;

class VideoEditorTest {

    private static final String CLIP_YAML = """
            # notes on the beach clip
            title: Beach day   # from the camera
            tags: [summer]
            # rating: 4
            chapters:
              - at: 0:00
                title: Arrival
            """;

    @TempDir
    Path root;

    private final List<Set<String>> refreshed = Collections.synchronizedList(new ArrayList<>());

    private VideoEditor editor(String... yaml) throws Exception {
        LibraryLayout layout = new LibraryLayout(root);
        List<LibraryVideo> videos = new ArrayList<>();
        for (int i = 0; i < yaml.length; i++) {
            String path = "clip" + i + ".mp4";
            Files.createDirectories(layout.metadataFile(path).getParent());
            Files.writeString(layout.metadataFile(path), yaml[i]);
            MediaFacts facts = new MediaFacts(120, 640, 360, "mp4", "h264", "aac", 25, 1000, VrMode.FLAT, List.of());
            videos.add(new LibraryVideo(
                    "id" + i,
                    path,
                    1,
                    Instant.EPOCH,
                    VideoMetadata.defaults("clip" + i),
                    Optional.of(facts),
                    GeneratedMedia.NONE,
                    VrMode.FLAT));
        }
        Library library = new Library(layout, OvaConfig.defaults(), videos, List.of(), List.of());
        return new VideoEditor(library, (lib, changed) -> refreshed.add(Set.copyOf(changed)));
    }

    private String file(int i) throws Exception {
        return Files.readString(new LibraryLayout(root).metadataFile("clip" + i + ".mp4"));
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void updatesFromManyThreadsAreAllKeptAndPublishedInTheOrderApplied() throws Exception {
        LibraryLayout layout = new LibraryLayout(root);
        List<Integer> published = Collections.synchronizedList(new ArrayList<>());
        VideoEditor editor = new VideoEditor(
                new Library(layout, OvaConfig.defaults(), List.of(), List.of(), List.of()),
                (lib, changed) -> {},
                now -> published.add(now.videos().size()));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            done.add(threads.submit(() -> editor.update(library -> {
                List<LibraryVideo> videos = new ArrayList<>(library.videos());
                int n = next.incrementAndGet();
                videos.add(new LibraryVideo(
                        "v" + n,
                        "v" + n + ".mp4",
                        1,
                        Instant.EPOCH,
                        VideoMetadata.defaults("v" + n),
                        Optional.empty(),
                        GeneratedMedia.NONE,
                        VrMode.FLAT));
                return new Library(layout, library.config(), videos, List.of(), List.of());
            })));
        }
        for (Future<?> each : done) {
            each.get(10, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertEquals(200, editor.library().videos().size(), "no update is lost");
        assertEquals(200, next.get(), "each change ran once");
        for (int i = 0; i < published.size(); i++) {
            assertEquals(i + 1, published.get(i), "published in the order applied: " + published);
        }
    }

    @Test
    void readingGivesTheFilesValuesAndTheHashOfItsBytesAsVersion() throws Exception {
        VideoEditor editor = editor("title: Beach day\nrating: 3\n");
        EditableVideo video = editor.read("id0").orElseThrow();
        assertEquals("Beach day", video.metadata().title());
        assertEquals(3, video.metadata().rating());
        assertEquals(MetadataVersion.etag(file(0)), video.etag());
        assertTrue(editor.read("nope").isEmpty());
    }

    @Test
    void anEditRewritesOnlyTheTouchedKeysAndRefreshesTheSite() throws Exception {
        VideoEditor editor = editor(CLIP_YAML);
        String etag = editor.read("id0").orElseThrow().etag();
        EditOutcome outcome = editor.edit(
                "id0",
                Optional.of(etag),
                json("{\"rating\": 4, \"tags\": [\" summer \", \"Sea\", \"sea\", \"\"],"
                        + " \"markers\": [{\"at\": \"1:02.5\", \"label\": \"Wave\"}]}"));
        EditableVideo video =
                assertInstanceOf(EditOutcome.Applied.class, outcome).video();
        assertEquals(List.of("summer", "Sea"), video.metadata().tags());
        assertEquals(62.5, video.metadata().markers().get(0).at());
        assertEquals(
                CLIP_YAML.replace("tags: [summer]\n", "tags: [summer, Sea]\nrating: 4\n")
                        + "markers:\n  - at: 1:02.500\n    label: Wave\n",
                file(0));
        assertEquals(MetadataVersion.etag(file(0)), video.etag());
        assertEquals(List.of(Set.of("id0")), refreshed);
        assertEquals(4, editor.library().videos().get(0).metadata().rating());
    }

    @Test
    void anEditWithAStaleVersionIsAConflictCarryingTheCurrentStateAndWritesNothing() throws Exception {
        VideoEditor editor = editor(CLIP_YAML);
        String stale = editor.read("id0").orElseThrow().etag();
        assertInstanceOf(EditOutcome.Applied.class, editor.edit("id0", Optional.of(stale), json("{\"rating\": 2}")));
        String afterFirst = file(0);
        EditOutcome second = editor.edit("id0", Optional.of(stale), json("{\"rating\": 5}"));
        EditableVideo current =
                assertInstanceOf(EditOutcome.Conflict.class, second).current();
        assertEquals(2, current.metadata().rating());
        assertEquals(MetadataVersion.etag(afterFirst), current.etag());
        assertEquals(afterFirst, file(0));
    }

    @Test
    void everyProblemOfAnEditIsReportedWithItsFieldAndNothingIsWritten() throws Exception {
        VideoEditor editor = editor(CLIP_YAML);
        EditOutcome outcome = editor.edit(
                "id0",
                Optional.empty(),
                json("{\"rating\": 7, \"colour\": 1,"
                        + " \"tags\": [\"" + "x".repeat(1025) + "\"],"
                        + " \"chapters\": [{\"at\": \"1:75\"}, {\"at\": 121, \"title\": \"late\"}, {\"at\": 5}, {\"at\": 5.0004}],"
                        + " \"markers\": [{\"at\": -1}], \"draft\": \"yes\"}"));
        List<String> fields = assertInstanceOf(EditOutcome.Rejected.class, outcome).problems().stream()
                .map(EditProblem::field)
                .sorted()
                .toList();
        assertEquals(
                List.of("chapters[0].at", "colour", "draft", "markers[0].at", "rating", "tags[0]"),
                fields.stream()
                        .filter(f -> !f.startsWith("chapters[1]") && !f.startsWith("chapters[3]"))
                        .toList());
        assertTrue(fields.contains("chapters[3].at"), "two chapters at the same millisecond: " + fields);
        assertEquals(CLIP_YAML, file(0));
        assertTrue(refreshed.isEmpty());
    }

    @Test
    void chaptersAfterTheEndAreRefusedAndOthersAreSortedByTime() throws Exception {
        VideoEditor editor = editor(CLIP_YAML);
        EditOutcome late =
                editor.edit("id0", Optional.empty(), json("{\"chapters\": [{\"at\": 121, \"title\": \"late\"}]}"));
        assertEquals(
                List.of(new EditProblem("chapters[0].at", "2:01 is after the end of the video (2:00)")),
                assertInstanceOf(EditOutcome.Rejected.class, late).problems());
        EditOutcome sorted = editor.edit(
                "id0",
                Optional.empty(),
                json("{\"chapters\": [{\"at\": 60, \"title\": \"B\"}, {\"at\": 0, \"title\": \"A\"}]}"));
        VideoMetadata m =
                assertInstanceOf(EditOutcome.Applied.class, sorted).video().metadata();
        assertEquals(
                List.of("A", "B"), m.chapters().stream().map(c -> c.title()).toList());
    }

    @Test
    void nullSetsAFieldBackToItsDefaultAndRemovesItsKey() throws Exception {
        VideoEditor editor = editor(CLIP_YAML);
        EditOutcome outcome = editor.edit("id0", Optional.empty(), json("{\"tags\": null, \"title\": null}"));
        EditableVideo video =
                assertInstanceOf(EditOutcome.Applied.class, outcome).video();
        assertEquals("Clip0", video.metadata().title());
        assertEquals(List.of(), video.metadata().tags());
        assertEquals(
                "# notes on the beach clip\n# rating: 4\nchapters:\n" + "  - at: 0:00\n    title: Arrival\n", file(0));
    }

    @Test
    void aFileWithProblemsIsNotEditedAndItsProblemIsNamedByLine() throws Exception {
        VideoEditor editor = editor("title: x\nrating: eleven\n");
        EditOutcome outcome = editor.edit("id0", Optional.empty(), json("{\"draft\": true}"));
        List<EditProblem> problems =
                assertInstanceOf(EditOutcome.Rejected.class, outcome).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains(":2:"), problems.toString());
        assertEquals("title: x\nrating: eleven\n", file(0));
    }

    @Test
    void twentyConcurrentEditorsEachApplyOrGetAConflictAndNoChangeIsLost() throws Exception {
        VideoEditor editor = editor(CLIP_YAML);
        int editors = 20;
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String tag = "editor" + i;
            done.add(pool.submit(() -> {
                start.await();
                EditableVideo seen = editor.read("id0").orElseThrow();
                while (true) {
                    List<String> tags = new ArrayList<>(seen.metadata().tags());
                    tags.add(tag);
                    EditOutcome outcome = editor.edit(
                            "id0", Optional.of(seen.etag()), VideoPatch.none().withTags(tags));
                    if (outcome instanceof EditOutcome.Applied) {
                        return null;
                    }
                    seen = assertInstanceOf(EditOutcome.Conflict.class, outcome).current();
                    conflicts.incrementAndGet();
                }
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<String> tags = MetadataReader.parse(root.resolve("x.yaml"), file(0), "x")
                .metadata()
                .tags();
        assertEquals(editors + 1, tags.size(), tags.toString());
        for (int i = 0; i < editors; i++) {
            assertTrue(tags.contains("editor" + i), tags.toString());
        }
        assertTrue(file(0).startsWith("# notes on the beach clip\ntitle: Beach day   # from the camera\n"), file(0));
        assertEquals(tags, editor.library().videos().get(0).metadata().tags());
        assertTrue(conflicts.get() > 0, "the editors did race");
    }

    @Test
    void aBulkEditChangesEveryChosenVideoAndRefreshesTheSiteOnce() throws Exception {
        VideoEditor editor = editor("tags: [a, Old]\n", "title: two\n", "rating: 1\n");
        VideoEditor.BulkResult result = editor.bulkEdit(
                new BulkEdit(List.of("id0", "id1"), List.of("new", " A "), List.of("old"), Optional.of(5)));
        assertEquals(List.of(), result.problems());
        assertEquals(2, result.videos().size());
        assertEquals("tags: [a, new]\nrating: 5\n", file(0));
        assertEquals("title: two\ntags: [new, A]\nrating: 5\n", file(1));
        assertEquals("rating: 1\n", file(2));
        assertEquals(List.of(Set.of("id0", "id1")), refreshed);
    }

    @Test
    void aBulkEditWithAnUnknownIdWritesNothing() throws Exception {
        VideoEditor editor = editor("tags: [a]\n");
        VideoEditor.BulkResult result =
                editor.bulkEdit(json("{\"ids\": [\"id0\", \"gone\"], \"addTags\": [\"b\"], \"rating\": 9}"));
        assertEquals(
                List.of("rating", "ids[1]"),
                result.problems().stream().map(EditProblem::field).toList());
        assertEquals("tags: [a]\n", file(0));
    }
}
