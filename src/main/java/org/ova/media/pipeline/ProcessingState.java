package org.ova.media.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.ova.repo.AtomicFiles;
import org.ova.repo.Shard;

/**
 * The processing state of every video by id, kept in one machine-data file
 * ({@code .ova-repo/machine/processing.json}, one video per line, see {@link VideoStateJson}) so a
 * build with nothing to do reads one file and runs no ffmpeg at all. A missing or broken file means
 * "process everything again"; a broken one says so in one warning. Safe for concurrent use.
 *
 * <p>Each finished video is also {@link #record recorded} in a {@link ProcessingJournal}, which
 * {@link #load} replays and {@link #save} folds into the file: a killed build (even {@code kill -9})
 * never redoes videos that were finished, and a 10,000-video build appends each video once (about
 * 600 bytes) instead of rewriting the whole file (about 6 MB) after every video.
 */
public final class ProcessingState {

    static final int FORMAT_VERSION = 3;
    private static final Logger LOG = LogManager.getLogger(ProcessingState.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    /** The library's state file, {@code processing.json}: {@link #file} unless this is a shard's state. */
    private final Path libraryFile;

    private final ProcessingJournal journal;
    private final Map<String, VideoState> videos;
    /** The videos whose states go into {@link #file}: all of them, or a shard's. */
    private final Predicate<String> own;
    /** Videos of other shards whose states a shard keeps in its file too ({@link #adopt}). */
    private final Set<String> adopted = ConcurrentHashMap.newKeySet();

    private final List<Shard> mergedShards;
    /** The thread writing the merged state ({@link #saveMergedInBackground}), until it is known done. */
    private volatile Thread merging;

    private volatile boolean changed;

    private ProcessingState(
            Path file,
            Path libraryFile,
            Map<String, VideoState> videos,
            Predicate<String> own,
            List<Shard> mergedShards) {
        this.file = file;
        this.libraryFile = libraryFile;
        this.journal = new ProcessingJournal(file);
        this.videos = videos;
        this.own = own;
        this.mergedShards = mergedShards;
    }

    /**
     * The state in {@code file} plus its journal, with the states that shards ({@link #loadShard}) left
     * beside it folded in (then saved, and their files deleted, while the caller goes on: see
     * {@link #saveMergedInBackground}); empty when missing, of another version, or broken. Only for the
     * holder of the whole library: no shard may be running.
     */
    public static ProcessingState load(Path file) {
        Map<String, VideoState> videos = new ConcurrentHashMap<>();
        boolean unusable = !readInto(file, videos, "every video is processed again");
        // replayed videos are not in the file yet: the next save writes them; an unusable file is
        // replaced by the next save, so it is reported once, also where nothing is processed
        boolean changed = ProcessingJournal.replayInto(file, videos) || unusable;
        List<Shard> merged = new ArrayList<>();
        List<Path> shardFiles = ShardStateFiles.left(file);
        Map<String, VideoState> fromShards = new HashMap<>();
        for (Path shardFile : shardFiles) {
            readShard(shardFile, "the videos of its shard are processed again")
                    .forEach((id, later) -> fromShards.merge(id, later, ProcessingState::laterOf));
            Shard.fromFileName(shardFile.getFileName().toString()).ifPresent(merged::add);
        }
        videos.putAll(fromShards);
        ProcessingState state = new ProcessingState(file, file, videos, id -> true, List.copyOf(merged));
        state.changed = changed || !shardFiles.isEmpty();
        if (!shardFiles.isEmpty()) {
            state.saveMergedInBackground(shardFiles);
        }
        return state;
    }

    /**
     * Writes the state with the shards' states folded in, then deletes their files, on a thread of its
     * own: {@code --render-only} reads the metadata and renders meanwhile, and so is no slower than a
     * plain build's render (bench/shards.sh). Every later {@link #record} and {@link #save} waits for it.
     * A write that fails leaves the shards' files where they are, merged again by the next load.
     */
    private void saveMergedInBackground(List<Path> shardFiles) {
        Thread writer = new Thread(
                () -> {
                    try {
                        write();
                        shardFiles.forEach(ShardStateFiles::delete);
                    } catch (UncheckedIOException e) {
                        LOG.warn(
                                "Could not write the merged processing state ({}); the shards' states stay beside"
                                        + " it and are merged again next time.",
                                e.getMessage());
                    }
                },
                "ova-merged-state");
        merging = writer;
        writer.start();
    }

    /** Waits until the merged state is written, when it is being written. */
    private void awaitMerged() {
        Thread writer = merging;
        if (writer == null || writer == Thread.currentThread()) {
            return;
        }
        try {
            writer.join();
            merging = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The state of shard {@code shard}'s videos: what {@code file} (read only) and its journal say, then
     * what the shard's own file and journal beside it say, which a killed shard's next run finds. Saves
     * only the shard's videos and those it {@link #adopt adopted}, into its own file.
     */
    public static ProcessingState loadShard(Path file, Shard shard) {
        Map<String, VideoState> videos = new ConcurrentHashMap<>();
        readInto(file, videos, "every video of this shard is processed again");
        ProcessingJournal.replayInto(file, videos);
        Path ownFile = ShardStateFiles.of(file, shard);
        Map<String, VideoState> own = new HashMap<>();
        boolean unusable = !readInto(ownFile, own, "the videos of this shard are processed again");
        boolean replayed = ProcessingJournal.replayInto(ownFile, own);
        videos.putAll(own);
        ProcessingState state = new ProcessingState(ownFile, file, videos, shard::contains, List.of());
        // the videos of other shards it worked on for them stay in its file
        state.adopted.addAll(own.keySet());
        state.changed = replayed || unusable;
        return state;
    }

    /**
     * Takes in what shard {@code other} has recorded so far about its own videos (its file and journal,
     * read only; nothing of it is saved here until a video is {@link #adopt adopted}): a shard about to
     * make videos for it then knows which it has made already and need not probe the others again.
     */
    public void learnFrom(Shard other) {
        readShard(ShardStateFiles.of(libraryFile, other), "its videos are probed again if this shard makes them")
                .forEach((id, later) -> {
                    if (other.contains(id)) {
                        videos.merge(id, later, ProcessingState::laterOf);
                    }
                });
    }

    /**
     * Keeps the state of video {@code id} of another shard in this shard's file from now on: this shard
     * works on it for a shard still at work ({@link org.ova.repo.VideoClaims}).
     */
    public void adopt(String id) {
        adopted.add(id);
    }

    /**
     * Of two shards' states of one video, the one from the file changed last, unless only the other has
     * media made or a failure: a shard probes its videos first, and another shard may then make one of
     * them for it ({@link org.ova.repo.VideoClaims}).
     */
    private static VideoState laterOf(VideoState earlier, VideoState later) {
        boolean laterDone = !later.steps().isEmpty() || later.failure().isPresent();
        boolean earlierDone = !earlier.steps().isEmpty() || earlier.failure().isPresent();
        return earlierDone && !laterDone ? earlier : later;
    }

    /**
     * The shards whose states wait beside {@code file} to be folded in (by the next {@link #load}), in
     * order; read from the files' names only.
     */
    public static List<Shard> shardsLeft(Path file) {
        return ShardStateFiles.left(file).stream()
                .flatMap(shardFile -> Shard.fromFileName(shardFile.getFileName().toString()).stream())
                .sorted()
                .toList();
    }

    /** {@code processing} of {@code processing.json}. */
    static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /**
     * Adds the states in {@code file} to {@code videos}.
     *
     * @param consequence what a broken file means, for its warning
     * @return false when the file exists but cannot be used (said in one warning)
     */
    private static boolean readInto(Path file, Map<String, VideoState> videos, String consequence) {
        Map<String, VideoState> read = new HashMap<>();
        try (JsonParser parser = JSON.createParser(Files.readAllBytes(file))) {
            read(parser, read);
        } catch (NoSuchFileException e) {
            // first build, or deleted by the person: everything is processed
        } catch (JsonParseException e) {
            LOG.warn(
                    "{} is not valid JSON (line {}): {}.", file, e.getLocation().getLineNr(), consequence);
            return false;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{} cannot be used ({}): {}.", file, e.getMessage(), consequence);
            return false;
        }
        videos.putAll(read);
        return true;
    }

    /** The states in a shard's file and its journal; {@code consequence} is what a broken file means. */
    private static Map<String, VideoState> readShard(Path shardFile, String consequence) {
        Map<String, VideoState> states = new HashMap<>();
        readInto(shardFile, states, consequence);
        ProcessingJournal.replayInto(shardFile, states);
        return states;
    }

    /** The shards whose states {@link #load} folded in. */
    public List<Shard> mergedShards() {
        return mergedShards;
    }

    public VideoState get(String id) {
        return videos.getOrDefault(id, VideoState.NEW);
    }

    /** Changes a video's state in memory; {@link #save} writes it. */
    public void put(String id, VideoState state) {
        if (!state.equals(videos.put(id, state))) {
            changed = true;
        }
    }

    /** Changes a video's state and appends it to the journal at once, so not even a kill loses it. */
    public void record(String id, VideoState state) {
        awaitMerged();
        if (!state.equals(videos.put(id, state))) {
            changed = true;
            journal.append(id, state);
        }
    }

    /** Forgets videos whose ids are not in {@code liveIds}; returns the forgotten ids. */
    public Set<String> retain(Set<String> liveIds) {
        Set<String> gone = new HashSet<>(videos.keySet());
        gone.removeAll(liveIds);
        if (!gone.isEmpty()) {
            videos.keySet().removeAll(gone);
            changed = true;
        }
        return gone;
    }

    /**
     * Writes the whole state when it changed since it was loaded or last saved, and empties the journal;
     * first waits for the merged state to be written, when it is being written.
     */
    public boolean save() {
        awaitMerged();
        return write();
    }

    private synchronized boolean write() {
        if (!changed && Files.exists(file)) {
            return false;
        }
        changed = false;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + videos.size() * 600);
        try (JsonGenerator out = JSON.createGenerator(bytes).setPrettyPrinter(new OneVideoPerLine())) {
            out.writeStartObject();
            out.writeNumberField("version", FORMAT_VERSION);
            out.writeObjectFieldStart("videos");
            if (videos.keySet().stream().anyMatch(this::saved)) {
                out.writeRaw('\n');
            }
            for (Map.Entry<String, VideoState> entry : new TreeMap<>(videos).entrySet()) {
                if (!saved(entry.getKey())) {
                    continue;
                }
                out.writeFieldName(entry.getKey());
                VideoStateJson.write(out, entry.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the processing state " + file, e);
        }
        bytes.write('\n');
        AtomicFiles.write(file, bytes.toByteArray());
        journal.clear();
        return true;
    }

    private boolean saved(String id) {
        return own.test(id) || adopted.contains(id);
    }

    /** Compact JSON with a line break after each video, so a person (or diff) can read the file. */
    private static final class OneVideoPerLine extends MinimalPrettyPrinter {
        @Override
        public void writeObjectEntrySeparator(JsonGenerator out) throws IOException {
            out.writeRaw(out.getOutputContext().getNestingDepth() == 2 ? ",\n" : ",");
        }
    }

    private static void read(JsonParser in, Map<String, VideoState> videos) throws IOException {
        VideoStateJson.expect(in, in.nextToken(), JsonToken.START_OBJECT);
        int version = -1;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            if (field.equals("version")) {
                version = in.getValueAsInt(-1);
            } else if (field.equals("videos") && version == FORMAT_VERSION) {
                VideoStateJson.expect(in, value, JsonToken.START_OBJECT);
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String id = in.currentName();
                    videos.put(id, VideoStateJson.read(in));
                }
            } else {
                in.skipChildren();
            }
        }
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("format version " + version + ", this ova reads " + FORMAT_VERSION);
        }
    }
}
