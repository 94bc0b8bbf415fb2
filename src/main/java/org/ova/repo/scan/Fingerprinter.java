package org.ova.repo.scan;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprints a file's content quickly, without reading whole multi-gigabyte videos: SHA-256 over
 * the size (8 bytes, big-endian) followed by three samples of {@value #SAMPLE_SIZE} bytes from the
 * start, middle and end. Files up to three samples long are hashed whole. So at most 192 KiB are
 * read per file, and any change in size, header, middle or tail changes the fingerprint.
 */
public final class Fingerprinter {

    /** Bytes read per sample. */
    public static final int SAMPLE_SIZE = 64 * 1024;

    /** Opens a file for reading; replaceable so tests can count or interrupt reads. */
    @FunctionalInterface
    public interface ChannelOpener {
        SeekableByteChannel open(Path file) throws IOException;
    }

    private final ChannelOpener opener;

    public Fingerprinter() {
        this(file -> FileChannel.open(file, StandardOpenOption.READ));
    }

    public Fingerprinter(ChannelOpener opener) {
        this.opener = opener;
    }

    /**
     * The fingerprint of {@code file}: its size and three samples.
     *
     * @throws IOException when the file cannot be opened or read, or shrinks while it is read
     */
    public Fingerprint fingerprint(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (SeekableByteChannel channel = opener.open(file)) {
            long size = channel.size();
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(size).array());
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 3L * SAMPLE_SIZE));
            if (size <= 3L * SAMPLE_SIZE) {
                readFully(channel, 0, buffer, file);
            } else {
                buffer.limit(SAMPLE_SIZE);
                readFully(channel, 0, buffer, file);
                buffer.limit(2 * SAMPLE_SIZE);
                readFully(channel, (size - SAMPLE_SIZE) / 2, buffer, file);
                buffer.limit(3 * SAMPLE_SIZE);
                readFully(channel, size - SAMPLE_SIZE, buffer, file);
            }
            digest.update(buffer.flip());
        }
        return new Fingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    private static void readFully(SeekableByteChannel channel, long position, ByteBuffer buffer, Path file)
            throws IOException {
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException(file + " became shorter while it was fingerprinted; run again");
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256, which every Java 17 must have", e);
        }
    }
}
