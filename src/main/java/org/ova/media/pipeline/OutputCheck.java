package org.ova.media.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ova.media.MediaException;
import org.ova.media.ffmpeg.DiskSpace;

/**
 * Checks a step's output before it is recorded as done: it must exist and not be empty, and an MP4
 * must be whole (its boxes fill the file exactly and one is the {@code moov} index). ffmpeg 5.1
 * exits 0 when it cannot write an MP4's trailer, leaving a file no player opens; without this check
 * it was recorded as done and never made again.
 */
final class OutputCheck {

    private OutputCheck() {}

    /** @throws MediaException naming the file, or the full disk when that is the cause */
    static void verify(VideoJob job, Path output) {
        String problem = problem(output);
        if (problem == null) {
            return;
        }
        if (DiskSpace.nearlyFull(output.getParent())) {
            throw new MediaException(job.file(), DiskSpace.fullMessage(output.getParent()));
        }
        throw new MediaException(job.file(), output.getFileName() + " of " + job.relativePath() + " " + problem);
    }

    /** What is wrong with the file, or null when nothing is. */
    static String problem(Path output) {
        try {
            if (!Files.isRegularFile(output)) {
                return "was not made";
            }
            long size = Files.size(output);
            if (size == 0) {
                return "is empty";
            }
            return output.getFileName().toString().endsWith(".mp4") && !wholeMp4(output, size)
                    ? "is cut short (no complete MP4 index)"
                    : null;
        } catch (IOException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
    }

    /** Walks the top-level boxes: each header's size must lead exactly to the next, and one must be {@code moov}. */
    static boolean wholeMp4(Path file, long size) throws IOException {
        boolean moov = false;
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer header = ByteBuffer.allocate(16);
            long position = 0;
            while (position < size) {
                header.clear();
                if (size - position < 8) {
                    return false;
                }
                channel.read(header, position);
                header.flip();
                long boxSize = header.getInt() & 0xFFFFFFFFL;
                byte[] type = new byte[4];
                header.get(type);
                if (boxSize == 1) {
                    if (header.remaining() < 8) {
                        return false;
                    }
                    boxSize = header.getLong();
                } else if (boxSize == 0) {
                    boxSize = size - position;
                }
                if (boxSize < 8) {
                    return false;
                }
                moov |= new String(type, StandardCharsets.ISO_8859_1).equals("moov");
                position += boxSize;
            }
            return moov && position == size;
        }
    }
}
