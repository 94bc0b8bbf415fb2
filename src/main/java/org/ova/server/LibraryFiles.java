package org.ova.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.server.handlers.resource.ResourceManager;
import io.undertow.util.ETag;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serves the library's files under URLs that mirror the library folder, so the site's relative links
 * work as they do from disk: the site folder, {@code .ova-repo/media/}, and the files of the library's
 * indexed videos, nothing else (no config, metadata, logs or other files). Undertow's
 * {@link ResourceHandler} does the HTTP: ranges, {@code If-Range}, ETag and Last-Modified with 304s,
 * and {@code transferTo} sends that keep large files off the heap. Directories are never listed.
 */
final class LibraryFiles implements HttpHandler {

    /** Files this large and up are sent with {@code transferTo}. */
    private static final long TRANSFER_MIN_SIZE = 1024;

    private final Path root;
    private final String sitePrefix;
    private final String mediaPrefix;
    private final Supplier<Set<String>> videoPaths;
    private final HttpHandler contained;
    private final HttpHandler videos;

    /**
     * @param root       the library folder
     * @param sitePrefix the site folder relative to {@code root}, ending in {@code /}
     * @param videoPaths the library's video files relative to {@code root}, as indexed now
     */
    LibraryFiles(Path root, String sitePrefix, String mediaPrefix, Supplier<Set<String>> videoPaths) {
        this.root = root;
        this.sitePrefix = sitePrefix;
        this.mediaPrefix = mediaPrefix;
        this.videoPaths = videoPaths;
        // links inside the site and media folders are not followed: none of ova's making points out
        this.contained = handler(manager(root, false));
        // the scan follows symlinked videos, so their files are served as the site links them
        this.videos = handler(manager(root, true));
    }

    /** The site's start page, where {@code /} redirects. */
    String indexPath() {
        return "/" + sitePrefix + "index.html";
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String relative = exchange.getAttachment(ServedPath.KEY).relative();
        if (relative.isEmpty()) {
            exchange.setStatusCode(StatusCodes.FOUND);
            exchange.getResponseHeaders().put(Headers.LOCATION, UrlPaths.encode(indexPath()));
            exchange.endExchange();
            return;
        }
        exchange.setRelativePath("/" + relative);
        checkIfRange(exchange, relative);
        if (relative.startsWith(sitePrefix)) {
            // pages change while serving (hand edits): the browser asks each time, a 304 when unchanged
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
            contained.handleRequest(exchange);
        } else if (relative.startsWith(mediaPrefix)) {
            contained.handleRequest(exchange);
        } else if (videoPaths.get().contains(relative)) {
            videos.handleRequest(exchange);
        } else {
            throw HttpProblem.notFound("/" + relative);
        }
    }

    /**
     * Undertow 2.4 compares an {@code If-Range} entity tag with the quotes on one side only, so it never
     * matches: decided here instead (RFC 9110 13.1.5: strong comparison; a stale tag means the whole file).
     */
    private void checkIfRange(HttpServerExchange exchange, String relative) {
        String ifRange = exchange.getRequestHeaders().getFirst(Headers.IF_RANGE);
        if (ifRange == null || !(ifRange.startsWith("\"") || ifRange.startsWith("W/"))) {
            return;
        }
        Path file = root.resolve(relative);
        boolean current = Files.isRegularFile(file) && etag(file).toString().equals(ifRange);
        exchange.getRequestHeaders().remove(Headers.IF_RANGE);
        if (!current) {
            exchange.getRequestHeaders().remove(Headers.RANGE);
        }
    }

    private static ResourceManager manager(Path root, boolean followLinks) {
        return new SendfileRanges(root, followLinks, TRANSFER_MIN_SIZE, LibraryFiles::etag);
    }

    private static HttpHandler handler(ResourceManager manager) {
        // runs on the worker thread the resource handler dispatched to, past the ProblemHandler's catch
        return new ResourceHandler(
                        manager,
                        exchange -> ProblemHandler.send(exchange, HttpProblem.notFound(exchange.getRequestPath())))
                .setDirectoryListingEnabled(false)
                .setWelcomeFiles("index.html")
                .setMimeMappings(MimeTypes.MAPPINGS);
    }

    /** Size and modification time: changes whenever the file does, without reading it. */
    private static ETag etag(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new ETag(
                    false,
                    Long.toHexString(attributes.size()) + "-"
                            + Long.toHexString(attributes.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
