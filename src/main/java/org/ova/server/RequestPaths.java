package org.ova.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Turns the raw path of a request into a library-relative path, refusing every form that could reach
 * outside the served folders: {@code ..} and {@code .} segments (plain or percent-encoded), encoded
 * slashes, backslashes, double encoding, NUL and other control characters, empty segments and drive
 * letters. Decodes exactly once, as UTF-8. Pure: the served roots are checked by {@link LibraryFiles}.
 */
final class RequestPaths {

    private static final Pattern STILL_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private RequestPaths() {}

    /**
     * @param raw the request target's path as sent, still percent-encoded, without the query
     * @return the path relative to the library, forward slashes, no leading slash ({@code ""} for {@code /});
     *     a trailing slash is kept
     * @throws HttpProblem 400 naming what was refused
     */
    static String relative(String raw) {
        if (!raw.startsWith("/")) {
            throw refused(raw, "it does not start with /");
        }
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        if (raw.indexOf('\\') >= 0 || lower.contains("%5c")) {
            throw refused(raw, "it contains a backslash");
        }
        if (lower.contains("%2f")) {
            throw refused(raw, "it contains an encoded slash");
        }
        String decoded = decode(raw);
        if (STILL_ENCODED.matcher(decoded).find()) {
            throw refused(raw, "it is percent-encoded twice");
        }
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) < 0x20 || decoded.charAt(i) == 0x7f) {
                throw refused(raw, "it contains a control character");
            }
        }
        String relative = decoded.substring(1);
        String[] segments = relative.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..")) {
                throw refused(raw, "it has a '" + segment + "' segment");
            }
            if (segment.isEmpty() && !last) {
                throw refused(raw, "it has an empty segment (//)");
            }
        }
        if (DRIVE.matcher(relative).matches()) {
            throw refused(raw, "it names a drive");
        }
        return relative;
    }

    private static String decode(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw refused(raw, "it has a cut-off percent escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw refused(raw, "it has an invalid percent escape");
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw refused(raw, "it is not UTF-8");
        }
    }

    private static HttpProblem refused(String raw, String why) {
        return HttpProblem.badRequest(
                "Refused path: " + why,
                "Ask for a file of the site, its media or a video of the library by its plain path.");
    }
}
