package org.ova.site;

import java.nio.charset.StandardCharsets;

/**
 * Relative addresses inside the site. Pages live at site-relative paths ({@code video/abc.html});
 * every link is written relative to the page it is on, so the site works from {@code file://} and
 * under any sub-path of any host.
 */
public final class SiteUrls {

    private static final String HEX = "0123456789ABCDEF";

    private SiteUrls() {}

    /** The prefix that leads from the page at {@code pagePath} back to the site root: "" or "../" per level. */
    public static String rootPrefix(String pagePath) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < pagePath.length(); i++) {
            if (pagePath.charAt(i) == '/') {
                prefix.append("../");
            }
        }
        return prefix.toString();
    }

    /**
     * The address of {@code target} (site-relative and already encoded, or absolute like
     * {@code file:///…}) as seen from a page whose root prefix is {@code root}.
     */
    public static String fromPage(String root, String target) {
        return isAbsolute(target) ? target : root + target;
    }

    /** True for addresses with a scheme ({@code file:}, {@code https:}) that must not be prefixed. */
    public static boolean isAbsolute(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = url.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.') || c > 127) {
                return false;
            }
        }
        return true;
    }

    /** Percent-encodes each segment of a slash-separated path, keeping the slashes. */
    public static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            String segment = slash < 0 ? path.substring(start) : path.substring(start, slash);
            if (segment.equals("..") || segment.equals(".")) {
                out.append(segment);
            } else {
                appendEncoded(out, segment);
            }
            if (slash < 0) {
                return out.toString();
            }
            out.append('/');
            start = slash + 1;
        }
    }

    /** Percent-encodes one path segment: everything but ASCII letters, digits and {@code -._~!$()*+,;=@}. */
    public static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        appendEncoded(out, segment);
        return out.toString();
    }

    private static void appendEncoded(StringBuilder out, String segment) {
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~!$()*+,;=@".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
    }
}
