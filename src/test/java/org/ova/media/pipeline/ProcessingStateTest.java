package org.ova.media.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.media.ProbeResult;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.VrMode;

class ProcessingStateTest {

    @TempDir
    Path dir;

    private final ProbeResult probe = new ProbeResult(Path.of(""), 61.25, "mov,mp4,m4a,3gp,3g2,mj2", "h264",
            Optional.of("aac"), 1920, 1080, 90, 29.97, 4_000_000, List.of(new Chapter(0, "Intro"),
            new Chapter(30.5, "Main \"part\"")), new VrMode(VrMode.Projection.EQUIRECT_180, VrMode.Stereo.SIDE_BY_SIDE),
            2.002);

    @Test
    void savedStateReadsBackProbeStepsAndFailure() {
        Path file = dir.resolve("processing.json");
        ProcessingState state = ProcessingState.empty();
        state.put("a", new VideoState(Optional.of(probe), Map.of("thumbnail", "method=window-v1 width=640"),
                Optional.empty()));
        state.put("b", new VideoState(Optional.empty(), Map.of(), Optional.of("probe: not a video")));
        assertTrue(state.saveIfChanged(file));

        ProcessingState read = ProcessingState.load(file);
        assertEquals(state.get("a"), read.get("a"));
        assertEquals(state.get("b"), read.get("b"));
        assertEquals(VideoState.NEW, read.get("unknown"));
    }

    @Test
    void unchangedStateIsNotRewrittenAndGoneVideosAreForgotten() {
        Path file = dir.resolve("processing.json");
        ProcessingState state = ProcessingState.empty();
        state.put("a", VideoState.NEW.withProbe(probe));
        state.put("gone", VideoState.NEW.withProbe(probe));
        state.saveIfChanged(file);
        ProcessingState read = ProcessingState.load(file);
        read.put("a", VideoState.NEW.withProbe(probe));
        assertFalse(read.saveIfChanged(file));
        assertEquals(Set.of("gone"), read.retain(Set.of("a")));
        assertTrue(read.saveIfChanged(file));
        assertEquals(VideoState.NEW, ProcessingState.load(file).get("gone"));
    }

    @Test
    void brokenOrForeignStateReadsAsEmpty() throws IOException {
        Path file = dir.resolve("processing.json");
        Files.writeString(file, "{\"version\":99,\"videos\":{}}");
        assertEquals(VideoState.NEW, ProcessingState.load(file).get("a"));
        Files.writeString(file, "{\"version\":1,\"videos\":{\"a\":{\"probe\":[1,");
        assertEquals(VideoState.NEW, ProcessingState.load(file).get("a"));
    }
}
