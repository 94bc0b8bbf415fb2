package org.ova.media.ffmpeg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.HostName;

/**
 * Writes down the processes ova starts for a library, one small JSON file per process in
 * {@code .ova-repo/machine/ffmpeg-processes/}
 * ({@code {"pid":123,"started":"…","command":"/usr/bin/ffmpeg","owner":120,"ownerStarted":"…","host":"nas"}}),
 * deleted when the process ends. When ova itself is killed ({@code kill -9}), its ffmpeg children
 * live on; the next run {@link #stopLeftovers stops} those whose ova is gone and that are still
 * alive and really the recorded processes (same pid and start time, an ffmpeg or ffprobe command),
 * so neither a pid reused by another program nor a second ova still at work is touched. Shards on
 * several machines share the folder, and their pids mean nothing elsewhere (in containers they even
 * coincide): each machine's records carry its host name, in the file name too, and only its own are
 * handled.
 */
public final class ProcessRecords {

    /** Records nothing: for commands that need no cleanup after a kill (tests, one-off listings). */
    public static final ProcessRecords NONE = new ProcessRecords(null);

    private static final Logger LOG = LogManager.getLogger(ProcessRecords.class);
    private static final JsonFactory JSON = new JsonFactory();

    /** This machine's name, as records carry it. */
    private static final String HOST = HostName.OF_THIS_MACHINE;
    /** How this machine's record files start: its name, safe in a file name. */
    private static final String FILE_PREFIX = HOST.replaceAll("[^A-Za-z0-9._-]", "_") + "-";

    private final Path dir;

    /** @param dir the folder of records, e.g. {@code .ova-repo/machine/ffmpeg-processes} */
    public ProcessRecords(Path dir) {
        this.dir = dir;
    }

    void started(ProcessHandle process, String launched) {
        if (dir == null) {
            return;
        }
        Optional<Instant> started = process.info().startInstant();
        if (started.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(200);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("pid", process.pid());
            out.writeStringField("started", started.get().toString());
            out.writeStringField("command", process.info().command().orElse(launched));
            out.writeNumberField("owner", ProcessHandle.current().pid());
            out.writeStringField(
                    "ownerStarted",
                    ProcessHandle.current()
                            .info()
                            .startInstant()
                            .map(Instant::toString)
                            .orElse(""));
            out.writeStringField("host", HOST);
            out.writeEndObject();
        } catch (IOException e) {
            return;
        }
        try {
            Files.createDirectories(dir);
            // a plain write: this file lives as long as one ffmpeg run, a torn one is simply discarded
            Files.write(file(process), bytes.toByteArray());
        } catch (IOException e) {
            LOG.debug("Could not record process {} in {}: {}", process.pid(), dir, e.getMessage());
        }
    }

    void ended(ProcessHandle process) {
        if (dir != null) {
            try {
                Files.deleteIfExists(file(process));
            } catch (IOException e) {
                LOG.debug("Could not delete the record of process {}: {}", process.pid(), e.getMessage());
            }
        }
    }

    private Path file(ProcessHandle process) {
        return dir.resolve(FILE_PREFIX + process.pid() + ".json");
    }

    /**
     * Stops the recorded processes of an earlier, killed run on this machine that still run, and deletes
     * this machine's records but those of an ova still at work. Call it before a run starts its own
     * processes.
     *
     * @return how many processes were stopped
     */
    public int stopLeftovers() {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        int stopped = 0;
        List<Path> records;
        try (Stream<Path> files = Files.list(dir)) {
            records = files.toList();
        } catch (IOException e) {
            return 0;
        }
        for (Path record : records) {
            Optional<Recorded> recorded = read(record);
            if (recorded.isPresent()
                    && (!recorded.get().host().equals(HOST)
                            || alive(recorded.get().owner(), recorded.get().ownerStarted()))) {
                continue;
            }
            Optional<ProcessHandle> leftover = recorded.filter(ProcessRecords::stillTheRecordedProcess)
                    .flatMap(found -> ProcessHandle.of(found.pid()));
            if (leftover.isPresent() && leftover.get().destroyForcibly()) {
                LOG.info(
                        "Stopped ffmpeg (pid {}) left running by an interrupted build.",
                        leftover.get().pid());
                stopped++;
            }
            try {
                Files.deleteIfExists(record);
            } catch (IOException e) {
                LOG.debug("Could not delete {}: {}", record, e.getMessage());
            }
        }
        return stopped;
    }

    /** @param host the machine, this one for records written before records named it */
    private record Recorded(long pid, String started, String command, long owner, String ownerStarted, String host) {}

    /** Whether the process {@code pid} that started at {@code started} still runs. */
    private static boolean alive(long pid, String started) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(process -> process.info().startInstant())
                .map(instant -> instant.toString().equals(started))
                .orElse(false);
    }

    private static boolean stillTheRecordedProcess(Recorded recorded) {
        if (!alive(recorded.pid(), recorded.started())) {
            return false;
        }
        String command = ProcessHandle.of(recorded.pid())
                .flatMap(process -> process.info().command())
                .orElse("");
        String name = command.isEmpty() ? "" : Path.of(command).getFileName().toString();
        // a wrapper script execs ffmpeg: then the command changed, but not the start time
        return command.equals(recorded.command()) || name.startsWith("ffmpeg") || name.startsWith("ffprobe");
    }

    private static Optional<Recorded> read(Path record) {
        try (JsonParser in = JSON.createParser(Files.readAllBytes(record))) {
            long pid = -1;
            String started = "";
            String command = "";
            long owner = -1;
            String ownerStarted = "";
            String host = HOST;
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                switch (field) {
                    case "pid" -> pid = in.getValueAsLong(-1);
                    case "started" -> started = in.getValueAsString("");
                    case "command" -> command = in.getValueAsString("");
                    case "owner" -> owner = in.getValueAsLong(-1);
                    case "ownerStarted" -> ownerStarted = in.getValueAsString("");
                    case "host" -> host = in.getValueAsString(HOST);
                    default -> in.skipChildren();
                }
            }
            return pid > 0 && !started.isEmpty()
                    ? Optional.of(new Recorded(pid, started, command, owner, ownerStarted, host))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
