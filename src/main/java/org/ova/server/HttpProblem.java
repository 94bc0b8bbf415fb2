package org.ova.server;

/**
 * What a handler throws when a request cannot be answered as asked: the status and the JSON body
 * {@code {"error": ..., "detail": ...}} that {@link ProblemHandler} sends. {@code error} is a short
 * sentence; {@code detail} says what to do.
 */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String detail;
    private final long retryAfterSeconds;

    public HttpProblem(int status, String error, String detail) {
        this(status, error, detail, 0, null);
    }

    private HttpProblem(int status, String error, String detail, long retryAfterSeconds, Throwable cause) {
        super(error, cause);
        this.status = status;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static HttpProblem badRequest(String error, String detail) {
        return new HttpProblem(400, error, detail);
    }

    public static HttpProblem forbidden(String error, String detail) {
        return new HttpProblem(403, error, detail);
    }

    /** 404 for an API path naming a video the library does not have, with where ids come from. */
    public static HttpProblem noVideo(String id) {
        return noVideo(id, "Ids are in the pages' data (a card's data-id); reload the page.");
    }

    /** {@link #noVideo(String)} with what to do instead ({@code detail}). */
    public static HttpProblem noVideo(String id, String detail) {
        return new HttpProblem(404, "No video has the id " + id, detail);
    }

    public static HttpProblem notFound(String path) {
        return new HttpProblem(
                404, "Not found: " + path, "Only the site, its media and the library's videos are served.");
    }

    /** 429 with a {@code Retry-After} header. */
    public static HttpProblem busy(String error, String detail, long retryAfterSeconds) {
        return new HttpProblem(429, error, detail, retryAfterSeconds, null);
    }

    /** 500 for a failure the client did not cause; {@code cause} goes to the log, never to the client. */
    public static HttpProblem internal(String error, Throwable cause) {
        return new HttpProblem(500, error, "The cause is in .ova-repo/logs/ova.log.", 0, cause);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** Seconds for {@code Retry-After}; 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
