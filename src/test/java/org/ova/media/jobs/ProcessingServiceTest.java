package org.ova.media.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.TestClips;
import org.ova.media.pipeline.MediaService;
import org.ova.media.pipeline.ProcessedVideo;
import org.ova.media.pipeline.Progress;
import org.ova.repo.BuildReport;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.server.ServedLibrary;

/** {@link ProcessingService} on real ffmpeg: a server that stops mid-job leaves nothing half made. */
class ProcessingServiceTest {

    @TempDir
    Path library;

    @Test
    void closingWhileAJobRunsStopsFfmpegRemovesItsStagingAndFailsTheJobAsCancelled() throws Exception {
        TestClips.withLocatedFfmpeg().clip(library.resolve("long.mp4"), TestClips.Spec.of(60, 320, 180));
        Files.createDirectories(library.resolve(".ova-repo"));
        // nothing processed by the build: the job does it all
        Files.writeString(library.resolve(".ova-repo/config.yaml"), "processing:\n  batch: false\n");
        ServedLibrary.build(library);
        Library loaded = ServedLibrary.load(library);
        LibraryLayout layout = loaded.layout();
        MediaService media = MediaService.open(
                layout,
                loaded.config(),
                Set.of(),
                Optional.empty(),
                TestClips::installation,
                Progress.SILENT,
                new BuildReport());
        List<ProcessedVideo> processed = new CopyOnWriteArrayList<>();
        ProcessingService service = new ProcessingService(media, () -> loaded, new ProcessingService.Listener() {
            @Override
            public void changed(Job job) {}

            @Override
            public void processed(ProcessedVideo video) {
                processed.add(video);
            }
        });
        String id = loaded.videos().get(0).id();

        Job queued = service.submit(id).orElseThrow();
        assertEquals(JobState.QUEUED, queued.state());
        assertEquals(Optional.empty(), service.submit("no-such-video"));
        for (int i = 0; i < 1000 && runningStep(service) < 1; i++) {
            Thread.sleep(10);
        }
        assertTrue(runningStep(service) >= 1, service.jobs().toString());
        service.close();

        Job cancelled = service.jobs().get(0);
        assertEquals(JobState.FAILED, cancelled.state(), cancelled.toString());
        assertTrue(cancelled.failure().orElseThrow().startsWith("cancelled"), cancelled.toString());
        assertEquals(List.of(), processed, "nothing reached the site");
        assertEquals(List.of(), entries(layout.stagingDir()), "staging removed");
        assertFalse(Files.exists(layout.mediaDir(id)), "nothing half made moved into place");
        assertEquals(List.of(), entries(layout.machineDir().resolve("ffmpeg-processes")), "no ffmpeg left running");
    }

    /** The step of the running job once past probing; 0 before. */
    private static int runningStep(ProcessingService service) {
        return service.jobs().stream()
                .filter(job ->
                        job.state() == JobState.RUNNING && !job.stepName().equals("Probe"))
                .mapToInt(Job::step)
                .max()
                .orElse(0);
    }

    private static List<Path> entries(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
