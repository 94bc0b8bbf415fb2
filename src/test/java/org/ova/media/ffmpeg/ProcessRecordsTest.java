package org.ova.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a recorded process whose ova is gone, and that is still the same process, is stopped. */
class ProcessRecordsTest {

    @TempDir
    Path dir;

    private Process sleeper;

    @AfterEach
    void stopSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    private ProcessHandle sleeping() throws IOException {
        sleeper = new ProcessBuilder("sleep", "30").start();
        return sleeper.toHandle();
    }

    private void record(ProcessHandle process, String started, long owner, String ownerStarted) throws IOException {
        Files.writeString(
                dir.resolve(process.pid() + ".json"),
                "{\"pid\":" + process.pid() + ",\"started\":\""
                        + started + "\",\"command\":\""
                        + process.info().command().orElseThrow() + "\",\"owner\":" + owner
                        + ",\"ownerStarted\":\"" + ownerStarted + "\"}");
    }

    private static String started(ProcessHandle process) {
        return process.info().startInstant().orElseThrow().toString();
    }

    @Test
    void aProcessLeftByAKilledOvaIsStoppedAndItsRecordRemoved() throws Exception {
        ProcessHandle left = sleeping();
        record(left, started(left), Long.MAX_VALUE, "2020-01-01T00:00:00Z");

        assertEquals(1, new ProcessRecords(dir).stopLeftovers());
        assertTrue(left.onExit().get(5, TimeUnit.SECONDS) != null);
        assertFalse(left.isAlive());
        assertEquals(List.of(), list());
    }

    @Test
    void aPidNowUsedByAnotherProcessIsLeftAlone() throws Exception {
        ProcessHandle other = sleeping();
        record(other, "2020-01-01T00:00:00Z", Long.MAX_VALUE, "2020-01-01T00:00:00Z");

        assertEquals(0, new ProcessRecords(dir).stopLeftovers());
        assertTrue(other.isAlive());
        assertEquals(List.of(), list(), "the stale record is removed");
    }

    @Test
    void theProcessesOfAnOvaStillAtWorkAreLeftAlone() throws Exception {
        ProcessHandle working = sleeping();
        record(working, started(working), ProcessHandle.current().pid(), started(ProcessHandle.current()));

        assertEquals(0, new ProcessRecords(dir).stopLeftovers());
        assertTrue(working.isAlive());
        assertEquals(1, list().size(), "its record stays");
    }

    @Test
    void aRecordOfAnotherMachineSharingTheLibraryIsLeftAlone() throws Exception {
        // its pid and owner mean nothing here; even a live process with the same pid and start time is not it
        ProcessHandle here = sleeping();
        Files.writeString(
                dir.resolve("other-machine-" + here.pid() + ".json"),
                "{\"pid\":" + here.pid() + ",\"started\":\"" + started(here) + "\",\"command\":\""
                        + here.info().command().orElseThrow() + "\",\"owner\":" + Long.MAX_VALUE
                        + ",\"ownerStarted\":\"2020-01-01T00:00:00Z\",\"host\":\"other-machine\"}");

        assertEquals(0, new ProcessRecords(dir).stopLeftovers());
        assertTrue(here.isAlive());
        assertEquals(1, list().size(), "its record stays for its own machine's next run");
    }

    @Test
    void aStartedProcessIsRecordedUnderThisMachinesNameUntilItEnds() throws Exception {
        ProcessHandle running = sleeping();
        ProcessRecords records = new ProcessRecords(dir);
        records.started(running, "sleep");
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        List<Path> recorded = list();
        assertEquals(
                List.of(dir.resolve(host.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + running.pid() + ".json")),
                recorded);
        String json = Files.readString(recorded.get(0));
        assertTrue(json.contains("\"host\":\"" + host + "\""), json);
        records.ended(running);
        assertEquals(List.of(), list());
    }

    @Test
    void aFinishedCommandLeavesNoRecord() throws Exception {
        CommandRunner runner = new CommandRunner(Duration.ofSeconds(10), new ProcessRecords(dir));
        assertEquals(0, runner.run(List.of("true")).exitCode());
        assertEquals(List.of(), list());
    }

    private List<Path> list() throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
