package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ova serve} started in this JVM as a person starts it (on a free port), for the tests of other
 * packages that need the whole server (the browser tests); {@link #close} stops it as Ctrl+C does.
 */
public final class ServeFixture implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/\\S+)");

    private final ByteArrayOutputStream out;
    private final String startPage;
    private final CompletableFuture<Void> stop;
    private final CompletableFuture<Integer> exit;
    private final HttpClient client = HttpClient.newHttpClient();

    private ServeFixture(
            ByteArrayOutputStream out,
            String startPage,
            CompletableFuture<Void> stop,
            CompletableFuture<Integer> exit) {
        this.out = out;
        this.startPage = startPage;
        this.stop = stop;
        this.exit = exit;
    }

    /**
     * Runs {@code ova serve --port 0 OPTIONS LIBRARY} and waits (up to 30 s) for the address it prints.
     *
     * @throws AssertionError when it printed no address: the console is in the message
     */
    public static ServeFixture start(Path library, String... options) throws InterruptedException {
        return start(library, ServeCommand.SETTLE, options);
    }

    /**
     * {@link #start(Path, String...)} with {@code settle}: how long a changed video file must stay the same
     * before the server takes it in.
     */
    public static ServeFixture start(Path library, Duration settle, String... options) throws InterruptedException {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(List.of(options));
        args.add(library.toString());
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                new OvaCli(print, print, List.of(new ServeCommand(stop, settle))).run(args.toArray(String[]::new)));
        for (int i = 0; i < 600 && !exit.isDone(); i++) {
            Matcher found = URL.matcher(out.toString(StandardCharsets.UTF_8));
            if (found.find()) {
                return new ServeFixture(out, found.group(1), stop, exit);
            }
            Thread.sleep(50);
        }
        stop.complete(null);
        throw new AssertionError("ova serve printed no address: " + out.toString(StandardCharsets.UTF_8));
    }

    /** The address of a page of the site, e.g. {@code upload.html}. */
    public String page(String sitePath) {
        return startPage.substring(0, startPage.length() - "index.html".length()) + sitePath;
    }

    /** What {@code ova serve} printed so far. */
    public String console() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The address of the site's start page. */
    public String url() {
        return startPage;
    }

    /** The address of {@code path} ({@code /api/...}) on this server. */
    public URI uri(String path) {
        return URI.create(startPage.substring(0, startPage.indexOf('/', "http://".length())) + path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    /** A write to the API, with the header every write needs. */
    public HttpRequest.Builder write(String path) {
        return HttpRequest.newBuilder(uri(path)).header("X-Requested-With", "ova");
    }

    /** Stops the server as Ctrl+C does, and checks that it ended cleanly. */
    @Override
    public void close() throws Exception {
        stop.complete(null);
        assertEquals(ExitCode.OK, exit.get(30, TimeUnit.SECONDS), console());
    }
}
