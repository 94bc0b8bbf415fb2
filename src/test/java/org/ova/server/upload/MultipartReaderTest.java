package org.ova.server.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ova.server.HttpProblem;

/** The streaming multipart reader: parts, their exact bytes, near-delimiters in the data, cut bodies. */
class MultipartReaderTest {

    /** Each part as read: its name and its bytes. */
    private static final class Collected implements MultipartReader.PartHandler {
        final List<String> names = new ArrayList<>();
        final List<ByteArrayOutputStream> bodies = new ArrayList<>();

        @Override
        public void beginPart(HeaderMap headers) {
            names.add(Headers.extractQuotedValueFromHeader(headers.getFirst(Headers.CONTENT_DISPOSITION), "name"));
            bodies.add(new ByteArrayOutputStream());
        }

        @Override
        public void data(ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            bodies.get(bodies.size() - 1).writeBytes(copy);
        }

        @Override
        public void endPart() {}
    }

    /** Hands out at most {@code chunk} bytes per read, as a network does. */
    private static InputStream trickling(byte[] body, int chunk) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] into, int offset, int length) {
                return super.read(into, offset, Math.min(length, chunk));
            }
        };
    }

    @Test
    void everyPartsBytesComeThroughExactlyWhateverTheReadSizesAndNearDelimitersInTheData() throws IOException {
        byte[] file = new byte[1_500_000];
        new Random(3).nextBytes(file);
        // the delimiter's beginning, and all of it but its last byte, inside the data, also across buffer ends
        byte[] near = ("\r\n--" + UploadForm.BOUNDARY).getBytes(StandardCharsets.US_ASCII);
        for (int at : new int[] {0, 1000, 262_100, 262_140, 524_280, file.length - near.length}) {
            System.arraycopy(near, 0, file, at, near.length - 1);
        }
        byte[] body = UploadForm.body("a.mp4", file, "trips", "Beach", "sea, sun");
        for (int chunk : new int[] {7, 8192, 1 << 20}) {
            Collected parts = new Collected();
            new MultipartReader(Channels.newChannel(trickling(body, chunk)), UploadForm.BOUNDARY).read(parts);
            assertEquals(List.of("folder", "title", "tags", "file"), parts.names);
            assertEquals("sea, sun", parts.bodies.get(2).toString(StandardCharsets.UTF_8));
            assertArrayEquals(file, parts.bodies.get(3).toByteArray(), "read " + chunk + " bytes at a time");
        }
        // a byte at a time, the data ending in all of the delimiter but its last byte
        byte[] almost = Arrays.copyOf(near, near.length - 1);
        Collected small = new Collected();
        new MultipartReader(
                        Channels.newChannel(trickling(UploadForm.body("b.mp4", almost, "", "t", ""), 1)),
                        UploadForm.BOUNDARY)
                .read(small);
        assertArrayEquals(almost, small.bodies.get(3).toByteArray());
    }

    @Test
    void aBodyCutShortOrWithoutItsBoundaryIsA400() {
        byte[] body = UploadForm.body("a.mp4", new byte[100_000], "", "", "");
        byte[] cut = Arrays.copyOf(body, body.length - 10);
        HttpProblem problem = assertThrows(
                HttpProblem.class,
                () -> new MultipartReader(Channels.newChannel(new ByteArrayInputStream(cut)), UploadForm.BOUNDARY)
                        .read(new Collected()));
        assertEquals(400, problem.status());
        assertTrue(problem.getMessage().contains("before it was complete"), problem.getMessage());
        HttpProblem other = assertThrows(
                HttpProblem.class,
                () -> new MultipartReader(Channels.newChannel(new ByteArrayInputStream(body)), "another")
                        .read(new Collected()));
        assertEquals(400, other.status());
    }
}
