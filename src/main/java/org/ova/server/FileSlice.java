package org.ova.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Bytes {@code from} to {@code to} (exclusive) of a file, as a read-only channel whose position starts
 * at {@code from} and whose size is {@code to}. Undertow sends a whole {@link FileChannel} with
 * {@code sendfile} up to its size, but sends a byte range through 16 KiB copies in Java, one worker
 * hand-off each when the socket is full: a slice lets a range go out as a whole file does.
 */
final class FileSlice extends FileChannel {

    private final FileChannel file;
    private final long to;
    private long position;

    FileSlice(FileChannel file, long from, long to) {
        this.file = file;
        this.position = from;
        this.to = to;
    }

    @Override
    public long transferTo(long from, long count, WritableByteChannel target) throws IOException {
        return from >= to ? 0 : file.transferTo(from, Math.min(count, to - from), target);
    }

    @Override
    public int read(ByteBuffer destination, long from) throws IOException {
        if (from >= to) {
            return -1;
        }
        ByteBuffer limited = destination.slice();
        limited.limit((int) Math.min(limited.remaining(), to - from));
        int read = file.read(limited, from);
        if (read > 0) {
            destination.position(destination.position() + read);
        }
        return read;
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        int read = read(destination, position);
        if (read > 0) {
            position += read;
        }
        return read;
    }

    @Override
    public long read(ByteBuffer[] destinations, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int read = read(destinations[i]);
            if (read < 0) {
                return total == 0 ? -1 : total;
            }
            total += read;
            if (destinations[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public FileChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return to;
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] sources, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer source, long at) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public long transferFrom(ReadableByteChannel source, long at, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // nothing is written
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) {
        throw new UnsupportedOperationException("a slice of a file is not mapped");
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("a slice of a file is not locked");
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("a slice of a file is not locked");
    }
}
