package org.ova.repo.scan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprinterTest {

    private static final int MB = 1024 * 1024;

    @TempDir
    Path dir;

    private final Fingerprinter fingerprinter = new Fingerprinter();

    @Test
    void smallFileIsHashedWholeAfterItsSize() throws Exception {
        Path file = write("a.mp4", "hello".getBytes(UTF_8));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[] {0, 0, 0, 0, 0, 0, 0, 5});
        String expected = HexFormat.of().formatHex(sha.digest("hello".getBytes(UTF_8)));

        Fingerprint fingerprint = fingerprinter.fingerprint(file);

        assertEquals(expected, fingerprint.value());
        assertEquals(expected.substring(0, 16), fingerprint.videoId());
    }

    @Test
    void equalContentGivesEqualFingerprintsWhateverTheName() throws IOException {
        byte[] content = pattern(3 * MB);

        assertEquals(
                fingerprinter.fingerprint(write("a.mp4", content)),
                fingerprinter.fingerprint(write("other/name.mkv", content)));
    }

    @Test
    void oneChangedByteInTheMiddleSampleChangesTheFingerprint() throws IOException {
        byte[] content = pattern(3 * MB);
        Fingerprint before = fingerprinter.fingerprint(write("a.mp4", content));
        content[content.length / 2] ^= 1;

        assertNotEquals(before, fingerprinter.fingerprint(write("b.mp4", content)));
    }

    @Test
    void oneChangedByteAtTheStartOrEndChangesTheFingerprint() throws IOException {
        byte[] content = pattern(3 * MB);
        Fingerprint original = fingerprinter.fingerprint(write("a.mp4", content));
        byte[] start = content.clone();
        start[10] ^= 1;
        byte[] end = content.clone();
        end[end.length - 1] ^= 1;

        assertNotEquals(original, fingerprinter.fingerprint(write("start.mp4", start)));
        assertNotEquals(original, fingerprinter.fingerprint(write("end.mp4", end)));
    }

    @Test
    void differentSizesGiveDifferentFingerprintsEvenWithEqualSamples() throws IOException {
        // all zeros: every sample is the same, only the size differs
        Path small = sparse("small.mp4", 10L * MB);
        Path large = sparse("large.mp4", 10L * MB + 1);

        assertNotEquals(fingerprinter.fingerprint(small), fingerprinter.fingerprint(large));
    }

    @Test
    void largeFileIsReadOnlyInThreeSamples() throws IOException {
        Path file = sparse("big.mp4", 200L * MB);
        AtomicLong bytesRead = new AtomicLong();
        Fingerprinter counting = new Fingerprinter(
                path -> new CountingChannel(FileChannel.open(path, StandardOpenOption.READ), bytesRead));

        long start = System.nanoTime();
        Fingerprint fingerprint = counting.fingerprint(file);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(3L * Fingerprinter.SAMPLE_SIZE, bytesRead.get());
        assertEquals(fingerprinter.fingerprint(file), fingerprint);
        assertTrue(millis < 1000, "fingerprinting a 200 MB file took " + millis + " ms");
    }

    @Test
    void fileOfExactlyThreeSamplesIsReadWhole() throws IOException {
        byte[] content = pattern(3 * Fingerprinter.SAMPLE_SIZE);
        AtomicLong bytesRead = new AtomicLong();
        Fingerprinter counting = new Fingerprinter(
                path -> new CountingChannel(FileChannel.open(path, StandardOpenOption.READ), bytesRead));

        counting.fingerprint(write("a.mp4", content));

        assertEquals(content.length, bytesRead.get());
    }

    @Test
    void missingFileFailsWithTheFileNamed() {
        NoSuchFileException e =
                assertThrows(NoSuchFileException.class, () -> fingerprinter.fingerprint(dir.resolve("gone.mp4")));
        assertEquals(dir.resolve("gone.mp4").toString(), e.getFile());
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private Path sparse(String name, long length) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
        return file;
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + (i >> 8));
        }
        return bytes;
    }

    /** Passes reads through and adds up how many bytes were read. */
    private record CountingChannel(SeekableByteChannel channel, AtomicLong bytesRead) implements SeekableByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = channel.read(dst);
            bytesRead.addAndGet(Math.max(n, 0));
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
