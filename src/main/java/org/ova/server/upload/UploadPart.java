package org.ova.server.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.ova.repo.AtomicFiles;
import org.ova.repo.DiskFull;
import org.ova.server.HttpProblem;

/**
 * One upload's bytes as they arrive, written straight to its file in the uploads folder (never held in
 * memory), refused past the size limit. Until {@link #finish} the file is a partial upload: {@link #discard}
 * deletes it.
 */
public final class UploadPart implements AutoCloseable {

    /** How much is written between two background flushes. */
    private static final long FLUSH_BYTES = 64L * 1024 * 1024;

    private final Path file;
    private final long maxBytes;
    private final FileChannel channel;
    private final Executor flusher;
    private long written;
    /** Where the last flush to the disk was asked for. */
    private long flushedTo;
    /** The flush running in the background, if any. */
    private CompletableFuture<Void> flushing = CompletableFuture.completedFuture(null);

    /** @param flusher runs the background flushes */
    UploadPart(Path file, long maxBytes, Executor flusher) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        this.flusher = flusher;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /**
     * Appends {@code bytes}.
     *
     * @throws HttpProblem 413 past the limit; 507 when the disk filled up meanwhile
     */
    public void write(ByteBuffer bytes) throws IOException {
        written += bytes.remaining();
        if (written > maxBytes) {
            throw UploadStore.tooLarge(maxBytes);
        }
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            flushInTheBackground();
        } catch (IOException e) {
            if (DiskFull.causedBy(e)) {
                throw new HttpProblem(
                        507,
                        "The disk filled up during the upload: nothing was kept",
                        "Free some space on the library's disk (" + file.getParent() + ") and send it again.");
            }
            throw e;
        }
    }

    /**
     * Every {@link #FLUSH_BYTES}, asks the disk to take what was written, on another thread: the kernel
     * would otherwise hold a whole upload in memory and write it only when the library's next file is
     * synced, after the last byte; this way the writing overlaps the receiving.
     */
    private void flushInTheBackground() {
        if (written - flushedTo >= FLUSH_BYTES && flushing.isDone()) {
            flushedTo = written;
            flushing = CompletableFuture.runAsync(
                    () -> {
                        try {
                            channel.force(false);
                        } catch (IOException e) {
                            // closed meanwhile, or the disk failed: the upload's own writes report it
                        }
                    },
                    flusher);
        }
    }

    /** The bytes so far. */
    public long size() {
        return written;
    }

    /** Closes the file, complete. */
    public Path finish() throws IOException {
        channel.close();
        return file;
    }

    /** Closes and deletes the file: the upload is given up. */
    public void discard() {
        close();
        AtomicFiles.deleteQuietly(file);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // deleted or kept as it is: nothing more to write
        }
    }
}
