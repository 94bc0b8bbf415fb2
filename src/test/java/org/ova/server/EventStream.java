package org.ova.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A client of {@code GET /api/events} on java.net.http: the events it received, in order, as they come. */
final class EventStream implements AutoCloseable {

    /** One Server-Sent Event: its name and its data. */
    record Event(String name, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    /** Connects, and returns once the server greeted it (with the problems now). */
    static EventStream open(URI uri) throws InterruptedException {
        EventStream stream = new EventStream(uri);
        if (stream.next("problems", Duration.ofSeconds(10)) == null) {
            stream.close();
            throw new AssertionError("no greeting from " + uri);
        }
        return stream;
    }

    private EventStream(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip")
                .build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.join().body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (RuntimeException e) {
            // closed
        }
    }

    /** The next event named {@code name} within {@code wait}, skipping others; null when none came. */
    Event next(String name, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    /** How many events named {@code name} come within {@code wait}. */
    int count(String name, Duration wait) throws InterruptedException {
        int count = 0;
        long deadline = System.nanoTime() + wait.toNanos();
        while (next(name, Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))) != null) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
