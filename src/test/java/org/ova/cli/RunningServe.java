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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real {@code ova serve} of a test library on a free loopback port, stopped by {@link #close}. */
final class RunningServe implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:(\\d+)/\\S+)");

    private final ByteArrayOutputStream out;
    private final CompletableFuture<Void> stop;
    private final CompletableFuture<Integer> exit;
    private final String url;
    private final HttpClient client = HttpClient.newHttpClient();

    private RunningServe(
            ByteArrayOutputStream out, CompletableFuture<Void> stop, CompletableFuture<Integer> exit, String url) {
        this.out = out;
        this.stop = stop;
        this.exit = exit;
        this.url = url;
    }

    /** Starts {@code ova serve --port 0 OPTIONS LIBRARY}; fails the test when it does not print its address. */
    static RunningServe start(Path library, String... options) throws InterruptedException {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(List.of(options));
        args.add(library.toString());
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(
                () -> new OvaCli(print, print, List.of(new ServeCommand(stop))).run(args.toArray(String[]::new)));
        String url = null;
        for (int i = 0; i < 600 && url == null && !serving.isDone(); i++) {
            Matcher found = URL.matcher(out.toString(StandardCharsets.UTF_8));
            url = found.find() ? found.group(1) : null;
            Thread.sleep(50);
        }
        RunningServe running = new RunningServe(out, stop, serving, url);
        if (url == null) {
            stop.complete(null);
            throw new AssertionError("ova serve did not start: " + running.console());
        }
        return running;
    }

    String console() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The address of the site's start page. */
    String url() {
        return url;
    }

    /** The address of {@code path} ({@code /api/...}) on this server. */
    URI uri(String path) {
        return URI.create(url.substring(0, url.indexOf('/', "http://".length())) + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    /** A write to the API, with the header every write needs. */
    HttpRequest.Builder write(String path) {
        return HttpRequest.newBuilder(uri(path)).header("X-Requested-With", "ova");
    }

    /** Stops the server and checks that it ended cleanly. */
    @Override
    public void close() throws Exception {
        stop.complete(null);
        assertEquals(ExitCode.OK, exit.get(20, TimeUnit.SECONDS), console());
    }
}
