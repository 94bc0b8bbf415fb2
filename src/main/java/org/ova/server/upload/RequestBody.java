package org.ova.server.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.channels.StreamSourceChannel;

/**
 * A request's body read straight from its channel, blocking, as much as has arrived per read. Undertow's own
 * stream reads one pooled buffer at a time (1 KB under a small heap) into the heap; this reads up to the
 * caller's whole buffer, direct. A client that sends nothing for the idle time is given up on.
 */
final class RequestBody implements ReadableByteChannel {

    private final StreamSourceChannel channel;
    private final Duration idle;

    /** @param channel the exchange's request channel, read on a worker thread */
    RequestBody(StreamSourceChannel channel, Duration idle) {
        this.channel = channel;
        this.idle = idle;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        if (!into.hasRemaining()) {
            return 0;
        }
        int read = channel.read(into);
        while (read == 0) {
            long waited = System.nanoTime();
            channel.awaitReadable(idle.toMillis(), TimeUnit.MILLISECONDS);
            read = channel.read(into);
            if (read == 0 && System.nanoTime() - waited >= idle.toNanos()) {
                throw new IOException("nothing arrived for " + idle.toSeconds() + " s");
            }
        }
        return read;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Leaves the channel to the exchange, which ends it. */
    @Override
    public void close() {}
}
