package org.ova.server.upload;

import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ova.server.HttpProblem;

/**
 * Reads a {@code multipart/form-data} body as it streams in and hands each part's headers and bytes to a
 * {@link PartHandler}, holding at most one buffer of it. The delimiter is searched for with
 * Boyer-Moore-Horspool, which looks at about one byte in forty of a video's bytes: a byte-by-byte parser
 * (Undertow's) kept an upload to a fifth of the disk's speed. The buffer is direct: the bytes go from the
 * socket to the file without a copy through the heap.
 */
final class MultipartReader {

    /** Hears the parts of a body, in order; what it throws ends the reading. */
    interface PartHandler {
        void beginPart(HeaderMap headers) throws IOException;

        /** The next bytes of the current part; {@code bytes} is only valid during the call. */
        void data(ByteBuffer bytes) throws IOException;

        void endPart() throws IOException;
    }

    private static final int BUFFER_BYTES = 256 * 1024;
    /** The most a part's headers may take. */
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final ReadableByteChannel in;
    /** {@code CRLF--boundary}: what ends each part. */
    private final byte[] delimiter;
    /** How far the search may move on after a mismatch, by the window's last byte. */
    private final int[] shift = new int[256];

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private int start;
    private int end;
    private long received;

    /** @param in the body, read blocking */
    MultipartReader(ReadableByteChannel in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        if (delimiter.length > 200) {
            throw HttpProblem.badRequest("The multipart boundary is too long", "Use one of at most 70 characters.");
        }
        Arrays.fill(shift, delimiter.length);
        for (int i = 0; i < delimiter.length - 1; i++) {
            shift[delimiter[i] & 0xff] = delimiter.length - 1 - i;
        }
        // the body starts with the first delimiter but without its line break: reading as if it had one
        // lets every delimiter be found the same way
        buffer.put(0, (byte) '\r');
        buffer.put(1, (byte) '\n');
        end = 2;
    }

    /**
     * Reads the body to its closing delimiter.
     *
     * @throws HttpProblem 400 when it ends before that (a cut connection) or is not multipart
     */
    void read(PartHandler handler) throws IOException {
        skipTo(true, null);
        while (true) {
            require(2);
            if (buffer.get(start) == '-' && buffer.get(start + 1) == '-') {
                return;
            }
            if (buffer.get(start) != '\r' || buffer.get(start + 1) != '\n') {
                throw HttpProblem.badRequest("The upload is not well-formed multipart/form-data", "Send it again.");
            }
            start += 2;
            handler.beginPart(headers());
            skipTo(false, handler);
            handler.endPart();
        }
    }

    /** Moves past the next delimiter, handing what comes before it to {@code handler} (none: skipped). */
    private void skipTo(boolean preamble, PartHandler handler) throws IOException {
        while (true) {
            int found = find();
            if (found >= 0) {
                if (handler != null && found > start) {
                    handler.data(slice(start, found));
                }
                start = found + delimiter.length;
                return;
            }
            // all but what could be the start of a delimiter cut by the buffer's end
            int safe = Math.max(start, end - delimiter.length + 1);
            if (handler != null && safe > start) {
                handler.data(slice(start, safe));
            }
            start = safe;
            if (!fill()) {
                throw cutShort(preamble);
            }
        }
    }

    /** Where the delimiter starts in the bytes held, or -1 (Boyer-Moore-Horspool). */
    private int find() {
        int last = delimiter.length - 1;
        for (int at = start; at + last < end; at += shift[buffer.get(at + last) & 0xff]) {
            int i = last;
            while (i >= 0 && buffer.get(at + i) == delimiter[i]) {
                i--;
            }
            if (i < 0) {
                return at;
            }
        }
        return -1;
    }

    /** The part's headers, up to the blank line that ends them. */
    private HeaderMap headers() throws IOException {
        HeaderMap headers = new HeaderMap();
        while (true) {
            int lineEnd = lineEnd();
            if (lineEnd == start) {
                start += 2;
                return headers;
            }
            byte[] bytes = new byte[lineEnd - start];
            buffer.get(start, bytes);
            String line = new String(bytes, StandardCharsets.UTF_8);
            start = lineEnd + 2;
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(
                        new HttpString(line.substring(0, colon).strip()),
                        line.substring(colon + 1).strip());
            }
        }
    }

    /** Where the header line that starts at {@code start} ends (its CR). */
    private int lineEnd() throws IOException {
        int from = start;
        while (true) {
            for (int i = from; i + 1 < end; i++) {
                if (buffer.get(i) == '\r' && buffer.get(i + 1) == '\n') {
                    return i;
                }
            }
            from = Math.max(start, end - 1);
            if (end - start > MAX_HEADER_BYTES) {
                throw HttpProblem.badRequest("A part's headers are too long", "Send at most 16 KB of headers.");
            }
            int before = start;
            if (!fill()) {
                throw cutShort(false);
            }
            from -= before - start;
        }
    }

    /** Makes sure {@code count} bytes are held from {@code start}. */
    private void require(int count) throws IOException {
        while (end - start < count) {
            if (!fill()) {
                throw cutShort(false);
            }
        }
    }

    /** Moves what is held to the front and reads more behind it; false at the end of the body. */
    private boolean fill() throws IOException {
        buffer.limit(end).position(start);
        buffer.compact();
        end -= start;
        start = 0;
        int read;
        try {
            read = in.read(buffer);
        } catch (IOException e) {
            throw HttpProblem.badRequest(
                    "The upload was cut off after " + received + " bytes (" + e.getMessage() + "): nothing was kept",
                    "Send it again.");
        }
        if (read < 0) {
            return false;
        }
        end += read;
        received += read;
        return true;
    }

    /** The bytes held from {@code from} to {@code to}, as a view (valid until the next read). */
    private ByteBuffer slice(int from, int to) {
        return buffer.duplicate().limit(to).position(from);
    }

    private HttpProblem cutShort(boolean preamble) {
        return preamble
                ? HttpProblem.badRequest(
                        "The upload is not multipart/form-data with the boundary it names", "Send it again.")
                : HttpProblem.badRequest(
                        "The upload ended after " + received + " bytes, before it was complete: nothing was kept",
                        "Send it again.");
    }
}
